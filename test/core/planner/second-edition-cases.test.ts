import { describe, expect, it } from "vitest";
import { planQuestion } from "../../../src/core/planner/builtin/builtin-planner.js";
import { createKindLexicon } from "../../../src/core/planner/builtin/kind-lexicon.js";
import { sampleNames } from "../../helpers/sample-names.js";

const lexicon = createKindLexicon([]);
const names = sampleNames();
const plan = (text: string) => planQuestion(text, lexicon, names).calls;

// TOOLS.md second edition, issue 14 §1–2: the planner emits the new tools and arguments, in both languages.
describe("the offline planner's second-edition calls", () => {
  it.each([
    [
      "what image is catalog running in shop?",
      { kind: "deployments", name: "catalog", namespace: "shop", fields: ["image"] },
    ],
    ["catalog的镜像是什么", { kind: "deployments", name: "catalog", fields: ["image"] }],
    [
      "what are the memory limits of ledger in payments?",
      { kind: "deployments", name: "ledger", namespace: "payments", fields: ["resources"] },
    ],
    ["ledger的内存限制", { kind: "deployments", name: "ledger", fields: ["resources"] }],
    [
      "which node is checkout-26l478mgff-5bj6r on?",
      { kind: "pods", name: "checkout-26l478mgff-5bj6r", fields: ["node"] },
    ],
    ["checkout有几个副本", { kind: "deployments", name: "checkout", fields: ["replicas"] }],
    [
      "show the env of deployment checkout in shop",
      { kind: "deployments", name: "checkout", namespace: "shop", fields: ["env"] },
    ],
    ["deployment checkout的探针", { kind: "deployments", name: "checkout", fields: ["probes"] }],
  ])("an attribute of one object is describe_resource with fields: %s", (question, args) => {
    expect(plan(question)).toEqual([{ tool: "describe_resource", args }]);
  });

  it.each([
    ["which deployments are not fully available?", { kind: "deployments", unhealthy: true }],
    ["哪些 deployment 不 ready", { kind: "deployments", unhealthy: true }],
    ["哪些pod不健康", { kind: "pods", unhealthy: true }],
    ["which pods are not ready in shop", { kind: "pods", namespace: "shop", unhealthy: true }],
    ["which pods restart the most", { kind: "pods", sort_by: "restarts" }],
    ["get pods in kube-system, sorted by age", { kind: "pods", namespace: "kube-system", sort_by: "age" }],
  ])("rows by their state or order: %s", (question, args) => {
    expect(plan(question)).toEqual([{ tool: "get_resources", args }]);
  });

  it.each([
    ["is the catalog rollout stuck?", { kind: "deployments", name: "catalog" }],
    [
      "kubectl rollout status deploy/catalog -n shop",
      { kind: "deployments", name: "catalog", namespace: "shop" },
    ],
    ["rollout history of checkout", { kind: "deployments", name: "checkout" }],
    ["what changed in the last deploy of checkout", { kind: "deployments", name: "checkout" }],
    ["shop里deploy checkout的回滚历史", { kind: "deployments", name: "checkout", namespace: "shop" }],
  ])("rollouts: %s", (question, args) => {
    expect(plan(question)).toEqual([{ tool: "rollout_status", args }]);
  });

  it.each([
    ["what changed in shop in the last hour?", { namespace: "shop", since_seconds: 3600 }],
    ["shop最近一小时有什么变更", { namespace: "shop", since_seconds: 3600 }],
    ["最近有什么变更", {}],
    ["what happened in the last 10 minutes?", { since_seconds: 600 }],
    ["which pods restarted in the last hour?", { kind: "pods", since_seconds: 3600 }],
  ])("what changed: %s", (question, args) => {
    expect(plan(question)).toEqual([{ tool: "recent_changes", args }]);
  });

  it("time windows reach events and logs", () => {
    expect(plan("最近一小时的事件")).toEqual([{ tool: "get_events", args: { since_seconds: 3600 } }]);
    expect(plan("logs of ledger from the last 30 minutes")).toEqual([
      { tool: "get_pod_logs", args: { name: "ledger", since_seconds: 1800 } },
    ]);
  });

  it("a name that holds a field word asks nothing about that field", () => {
    expect(plan("describe node ip-10-0-1-5.ec2.internal")).toEqual([
      { tool: "describe_resource", args: { kind: "nodes", name: "ip-10-0-1-5.ec2.internal" } },
    ]);
    expect(plan("why did the rollout fail for deployment checkout in shop?")[0].tool).toBe("diagnose");
  });
});
