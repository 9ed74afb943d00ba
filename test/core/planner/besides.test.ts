import { describe, expect, it } from "vitest";
import { planQuestion } from "../../../src/core/planner/builtin/builtin-planner.js";
import { createKindLexicon } from "../../../src/core/planner/builtin/kind-lexicon.js";
import type { ClusterNames } from "../../../src/core/ports.js";

const lexicon = createKindLexicon([]);
const NAMESPACES = ["edge", "shop", "team-a", "metrics"];
const OBJECTS = ["api-gateway", "checkout", "ledger-v2", "web"];
const cluster: ClusterNames = {
  namespaces: new Set(NAMESPACES),
  nodes: new Set(["worker-1"]),
  objects: new Map(OBJECTS.map((name) => [name, ["deployments"]])),
  complete: true,
};
const FRAMES = [
  (namespace: string, name: string) => `anything down in ${namespace} besides ${name}?`,
  (namespace: string, name: string) => `what's wrong in ${namespace} apart from the ${name}?`,
  (namespace: string, name: string) => `除了 ${name} 之外 ${namespace} 还有什么问题`,
];

// The object a question leaves out is not what it asks about: the rest of its namespace is diagnosed.
describe("a diagnosis besides one object", () => {
  it.each(FRAMES.map((frame) => [frame("ns", "x"), frame]))("%s", (_label, frame) => {
    const wrong = NAMESPACES.flatMap((namespace) =>
      OBJECTS.filter((name) => {
        const plan = planQuestion(frame(namespace, name), lexicon, cluster);
        const [call] = plan.calls;
        return !(
          plan.calls.length === 1 &&
          call.tool === "diagnose" &&
          call.args.namespace === namespace &&
          call.args.name === undefined &&
          plan.confidence >= 0.6
        );
      }).map((name) => frame(namespace, name)),
    );
    expect(wrong).toEqual([]);
  });

  it("keeps the object of a question that excludes nothing", () => {
    const plan = planQuestion("anything down with checkout in shop?", lexicon, cluster);
    expect(plan.calls[0]?.args.name).toBe("checkout");
  });
});
