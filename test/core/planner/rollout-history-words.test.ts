import { expect, it } from "vitest";
import { planQuestion } from "../../../src/core/planner/builtin/builtin-planner.js";
import { createKindLexicon } from "../../../src/core/planner/builtin/kind-lexicon.js";
import type { ClusterNames } from "../../../src/core/ports.js";

const NAMES = ["api-gateway", "checkout", "orders-v2", "web"];
const cluster: ClusterNames = {
  namespaces: new Set(["edge", "shop"]),
  nodes: new Set(["worker-1"]),
  objects: new Map(NAMES.map((name) => [name, ["deployments"]])),
  complete: true,
};
const FRAMES = [
  (x: string) => `${x} 这次升级前后镜像分别是什么版本`,
  (x: string) => `回滚之前我想看看 ${x} 有哪些历史版本`,
  (x: string) => `${x} 发布前后的镜像`,
  (x: string) => `images of ${x} before and after the upgrade`,
];

// Revisions asked for in other words than "rollout history": the answer is the deployment's rollout.
it("before-and-after and history words plan rollout_status of the named deployment", () => {
  const wrong = NAMES.flatMap((name) => FRAMES.map((frame) => frame(name))).filter((question) => {
    const calls = planQuestion(question, createKindLexicon([]), cluster).calls;
    return !calls.some((call) => call.tool === "rollout_status" && NAMES.includes(String(call.args.name)));
  });
  expect(wrong).toEqual([]);
});
