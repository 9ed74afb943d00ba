import { expect, it } from "vitest";
import { planQuestion } from "../../../src/core/planner/builtin/builtin-planner.js";
import { createKindLexicon } from "../../../src/core/planner/builtin/kind-lexicon.js";
import type { ClusterNames } from "../../../src/core/ports.js";

const NODES = ["worker-1", "worker-2", "ip-10-0-3-17", "gpu-node-a"];
const cluster: ClusterNames = {
  namespaces: new Set(["shop"]),
  nodes: new Set(NODES),
  objects: new Map([["checkout", ["deployments"]]]),
  complete: true,
};
const FRAMES = [
  (a: string, b: string) => `${a} 和 ${b} 哪台更吃紧`,
  (a: string, b: string) => `which node is busier, ${a} or ${b}?`,
  (a: string) => `is ${a} more loaded than the others?`,
];

// Usage asked of named nodes is the usage table, whichever nodes are named.
it("usage of named nodes plans top nodes", () => {
  const wrong = NODES.flatMap((a) =>
    NODES.filter((b) => b !== a).flatMap((b) => FRAMES.map((frame) => frame(a, b))),
  ).filter((question) => {
    const calls = planQuestion(question, createKindLexicon([]), cluster).calls;
    return !calls.some((call) => call.tool === "top" && call.args.kind === "nodes");
  });
  expect(wrong).toEqual([]);
});

it("a description of a named node stays one", () => {
  for (const node of NODES)
    expect(planQuestion(`describe node ${node}`, createKindLexicon([]), cluster).calls[0]?.tool).toBe(
      "describe_resource",
    );
});
