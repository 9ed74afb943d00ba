import { describe, expect, it } from "vitest";
import { planQuestion } from "../../../src/core/planner/builtin/builtin-planner.js";
import { joinedNamespaceList } from "../../../src/core/planner/builtin/joined-namespaces.js";
import { createKindLexicon } from "../../../src/core/planner/builtin/kind-lexicon.js";
import type { ClusterNames } from "../../../src/core/ports.js";

const lexicon = createKindLexicon([]);
// Real-world namespace names, hyphenated ones and vocabulary words among them.
const POOL = [
  "shop",
  "payments",
  "edge",
  "warehouse",
  "kube-system",
  "cert-manager",
  "argocd",
  "ingress-nginx",
  "team-a",
  "prod-eu1",
  "metrics",
  "live",
  "apps",
  "debug",
];
const cluster: ClusterNames = {
  namespaces: new Set(POOL),
  nodes: new Set(["worker-1"]),
  objects: new Map([["checkout", ["deployments"]]]),
  complete: true,
};
/** Every ordered pair of distinct names of the pool. */
const PAIRS = POOL.flatMap((x) => POOL.filter((y) => y !== x).map((y) => [x, y] as const));

const TEMPLATES: [string, (x: string, y: string) => string][] = [
  ["get_events", (x, y) => `any warnings in ${x} or ${y}`],
  ["get_events", (x, y) => `${x}、${y} 的事件`],
  ["get_resources", (x, y) => `${x} 和 ${y} 各有几个 pod`],
  ["get_resources", (x, y) => `compare pods in ${x} vs ${y}`],
  ["get_resources", (x, y) => `list deployments in ${x} and ${y}`],
  ["diagnose", (x, y) => `what's broken in ${x} and ${y}?`],
  ["diagnose", (x, y) => `any problems in ${x} or ${y}?`],
  ["diagnose", (x, y) => `${x} 和 ${y} 有什么问题`],
];

function scopes(question: string, tool: string): string[] {
  return planQuestion(question, lexicon, cluster)
    .calls.filter((call) => call.tool === tool)
    .map((call) => String(call.args.namespace));
}

describe("a question that joins namespaces asks the same of each", () => {
  for (const [tool, make] of TEMPLATES) {
    it(`${make("X", "Y")} → ${tool} in X and in Y, for any two namespaces`, () => {
      const wrong = PAIRS.map(([x, y]) => make(x, y)).filter((question) => {
        const [x, y] = joinedNamespaceList(question, cluster);
        const read = scopes(question, tool);
        return !(read.includes(x) && read.includes(y));
      });
      expect(wrong).toEqual([]);
    });
  }

  it("drops the note that called the second namespace not understood", () => {
    const plan = planQuestion("any warnings in edge or warehouse", lexicon, cluster);
    expect(plan.notes ?? []).not.toContainEqual(expect.stringContaining("warehouse"));
    expect(plan.confidence).toBeGreaterThanOrEqual(0.6);
  });

  it("reads no list where a word other than a joiner stands between", () => {
    expect(joinedNamespaceList("pods in shop or whatever payments", cluster)).toEqual(["shop"]);
    expect(joinedNamespaceList("pods in shop, not payments", cluster)).toEqual(["shop"]);
    expect(joinedNamespaceList("shop vs checkout", cluster)).toEqual(["shop"]);
  });

  it("keeps a plan whose namespaces already cover the list as it is", () => {
    const plan = planQuestion("events in shop and pods in payments", lexicon, cluster);
    expect(plan.calls).toEqual([
      { tool: "get_events", args: { namespace: "shop" } },
      { tool: "get_resources", args: { kind: "pods", namespace: "payments" } },
    ]);
  });
});
