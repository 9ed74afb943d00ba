import { describe, expect, it } from "vitest";
import { planQuestion } from "../../../src/core/planner/builtin/builtin-planner.js";
import { createKindLexicon } from "../../../src/core/planner/builtin/kind-lexicon.js";

const lexicon = createKindLexicon([]);
const plan = (text: string) => planQuestion(text, lexicon);

describe("builtin planner: a question in parts", () => {
  it("answers each clause on its own scope", () => {
    expect(plan("events in shop and pods in payments").calls).toEqual([
      { tool: "get_events", args: { namespace: "shop" } },
      { tool: "get_resources", args: { kind: "pods", namespace: "payments" } },
    ]);
    expect(plan("shop的事件和payments的pod").calls).toEqual([
      { tool: "get_events", args: { namespace: "shop" } },
      { tool: "get_resources", args: { kind: "pods", namespace: "payments" } },
    ]);
  });

  it("gives a clause without a verb the verb of the clause before it", () => {
    expect(plan("diagnose pod web-1 in shop and pod api-0 in payments").calls).toEqual([
      { tool: "diagnose", args: { kind: "pods", name: "web-1", namespace: "shop" } },
      { tool: "diagnose", args: { kind: "pods", name: "api-0", namespace: "payments" } },
    ]);
  });

  it("keeps a shared scope when a clause has none of its own", () => {
    expect(plan("pods and services in shop").calls).toEqual([
      { tool: "get_resources", args: { kind: "pods", namespace: "shop" } },
      { tool: "get_resources", args: { kind: "services", namespace: "shop" } },
    ]);
  });

  it("drops a remark the planner cannot read, and only a remark", () => {
    expect(plan("list pods in shop, I think one is stuck").calls).toEqual([
      { tool: "get_resources", args: { kind: "pods", namespace: "shop" } },
    ]);
    expect(plan("logs for pod api-0 in payments please, it was fine yesterday").calls).toEqual([
      { tool: "get_pod_logs", args: { name: "api-0", namespace: "payments" } },
    ]);
    // Not a remark: more namespaces, so the whole reading stands (and still names payments).
    expect(plan("pods in shop, payments and default").calls).toContainEqual({
      tool: "get_resources",
      args: { kind: "pods", namespace: "payments" },
    });
  });

  it("writes namespaces in lower case, as Kubernetes requires", () => {
    expect(plan("LIST PODS IN SHOP").calls).toEqual([
      { tool: "get_resources", args: { kind: "pods", namespace: "shop" } },
    ]);
  });
});
