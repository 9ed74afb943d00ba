import { describe, expect, it } from "vitest";
import { planQuestion } from "../../../src/core/planner/builtin/builtin-planner.js";
import { createKindLexicon } from "../../../src/core/planner/builtin/kind-lexicon.js";
import type { ClusterNames } from "../../../src/core/ports.js";

// Generated over pairs of names: a second object asked about, an object beside a node, a pod given as a node.
const lexicon = createKindLexicon([]);
const WORKLOADS = ["checkout", "fraud-detector", "orders-v2", "api-gateway"];
const NODES = ["demo-worker-2", "ip-10-0-3-7"];
const cluster: ClusterNames = {
  namespaces: new Set(["default", "shop"]),
  nodes: new Set(NODES),
  objects: new Map(WORKLOADS.map((name) => [name, ["deployments", "services"]])),
  complete: true,
};
const callsOf = (text: string) => planQuestion(text, lexicon, cluster).calls;
const PAIRS = WORKLOADS.flatMap((x) => WORKLOADS.filter((y) => y !== x).map((y) => [x, y] as const));

describe("a later clause asking after another object's health diagnoses it too", () => {
  for (const [x, y] of PAIRS)
    it(`${x}, then ${y}`, () => {
      for (const text of [`${x} is crashing — is ${y} itself up?`, `${x} 一直重启，${y} 还好吗`]) {
        const calls = callsOf(text);
        expect(calls[0].args.name, text).toBe(x);
        expect(calls.at(-1), text).toEqual({ tool: "diagnose", args: { name: y } });
      }
    });
});

describe("an object and a node, and an object given as its node", () => {
  for (const workload of WORKLOADS)
    for (const node of NODES)
      it(`${workload} on ${node}`, () => {
        const calls = callsOf(`is ${workload} pending because of ${node}'s memory pressure?`);
        expect(calls[0]).toEqual({ tool: "diagnose", args: { name: workload } });
        expect(calls[1].args).toMatchObject({ kind: "nodes", name: node });
      });
  for (const workload of WORKLOADS)
    it(`the node ${workload} runs on`, () => {
      expect(callsOf(`${workload} not ready，它所在的 node 有问题吗`)).toEqual([
        { tool: "describe_resource", args: { kind: "pods", name: workload, fields: ["node"] } },
        { tool: "diagnose", args: { name: workload } },
      ]);
      expect(callsOf(`are the ${workload} pods on different nodes?`)).toEqual([
        { tool: "get_resources", args: { kind: "pods", name: workload } },
      ]);
      expect(callsOf(`how many restarts has deployment ${workload} racked up`)[0].args).toMatchObject({
        kind: "pods",
        name: workload,
      });
    });
});
