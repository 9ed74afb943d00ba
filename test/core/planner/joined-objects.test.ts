import { describe, expect, it } from "vitest";
import { planQuestion } from "../../../src/core/planner/builtin/builtin-planner.js";
import { createKindLexicon } from "../../../src/core/planner/builtin/kind-lexicon.js";
import type { ClusterNames } from "../../../src/core/ports.js";

// Generated over every pair of workload names: a question joining two objects asks the same of each.
const lexicon = createKindLexicon([]);
const WORKLOADS = ["checkout", "catalog", "orders-v2", "ledger", "api-gateway", "redis"];
const cluster: ClusterNames = {
  namespaces: new Set(["default", "shop"]),
  nodes: new Set(["worker-1"]),
  objects: new Map(WORKLOADS.map((name) => [name, ["deployments", "services"]])),
  complete: true,
};
const PAIRS = WORKLOADS.flatMap((x) => WORKLOADS.filter((y) => y !== x).map((y) => [x, y] as const));
const callsOf = (text: string) => planQuestion(text, lexicon, cluster).calls;

describe("two objects compared are each diagnosed; two objects asked about each get the call", () => {
  for (const [x, y] of PAIRS)
    it(`${x} and ${y}`, () => {
      const diagnosed = [
        { tool: "diagnose", args: { name: x } },
        { tool: "diagnose", args: { name: y } },
      ];
      for (const text of [
        `which is worse, ${x} or ${y}?`,
        `compare ${x} and ${y}`,
        `is ${x} or ${y} crashing?`,
      ])
        expect(callsOf(text), text).toEqual(diagnosed);
      const images = callsOf(`images of ${x} and ${y}`);
      expect(images.map((call) => call.args.name)).toEqual([x, y]);
      expect(images.every((call) => (call.args.fields as string[]).includes("image"))).toBe(true);
    });
});
