import { describe, expect, it } from "vitest";
import { scorePlan } from "../../../src/core/eval/score-plan.js";
import { createBuiltinPlanner } from "../../../src/core/planner/builtin/index.js";
import type { ResourceType } from "../../../src/core/ports.js";
import { widgetType } from "../../fixtures/resource-types.js";
import { question } from "../../helpers/question.js";
import { chineseCases } from "./chinese-cases.js";
import { clauseCases, sharedScopeCases } from "./clause-cases.js";
import { englishCases } from "./english-cases.js";
import { kubectlCases } from "./kubectl-cases.js";
import { expectedCalls, type PlannerCase } from "./planner-case.js";

const planner = createBuiltinPlanner();

const clusterGadgets: ResourceType = {
  ...widgetType,
  plural: "gadgets",
  singular: "gadget",
  kind: "Gadget",
  shortNames: ["gdg"],
  namespaced: false,
};

async function expectPlan([text, calls]: PlannerCase, resourceTypes: ResourceType[] = []) {
  const plan = await planner.plan(question(text), { resourceTypes });
  const verdict = scorePlan({ q: text, expect: expectedCalls(calls) }, plan);
  expect({ text, verdict, calls: plan.calls }).toEqual({ text, verdict: { pass: true }, calls: plan.calls });
  expect(plan.refusal).toBeNull();
  expect(plan.planner).toBe("builtin");
  return plan;
}

describe("builtin planner: English", () => {
  it.each(englishCases)("%s", async (...testCase) => {
    await expectPlan(testCase);
  });
});

describe("builtin planner: Chinese and mixed", () => {
  it.each(chineseCases)("%s", async (...testCase) => {
    await expectPlan(testCase);
  });
});

describe("builtin planner: kubectl syntax", () => {
  it.each(kubectlCases)("%s", async (...testCase) => {
    await expectPlan(testCase);
  });
});

describe("builtin planner: each clause scopes its own kinds", () => {
  it.each(clauseCases)("%s", async (...testCase) => {
    const plan = await expectPlan(testCase);
    // A clause the planner read is no guess: hybrid mode need not ask an LLM.
    expect(plan.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it.each(sharedScopeCases)("%s", async (...testCase) => {
    await expectPlan(testCase);
  });
});

describe("builtin planner: custom resources from discovery", () => {
  const cases: PlannerCase[] = [
    ["list widgets in shop", [["get_resources", { kind: "widgets", namespace: "shop" }]]],
    ["kubectl get wd -A", [["get_resources", { kind: "widgets", all_namespaces: true }]]],
    [
      "describe widget blue in shop",
      [["describe_resource", { kind: "widgets", name: "blue", namespace: "shop" }]],
    ],
    ["查看shop命名空间的widgets", [["get_resources", { kind: "widgets", namespace: "shop" }]]],
    [
      "show the yaml of Widget blue -n shop",
      [["get_manifest", { kind: "widgets", name: "blue", namespace: "shop" }]],
    ],
    ["list gadgets in all namespaces", [["get_resources", { kind: "gadgets" }]]],
    ["kubectl get widgets.example.com -n shop", [["get_resources", { kind: "widgets", namespace: "shop" }]]],
  ];
  it.each(cases)("%s", async (...testCase) => {
    await expectPlan(testCase, [widgetType, clusterGadgets]);
  });

  it("does not know a custom kind without discovery", async () => {
    const plan = await planner.plan(question("list widgets in shop"), { resourceTypes: [] });
    expect(plan.calls).toEqual([]);
    expect(plan.confidence).toBeLessThan(0.6);
  });
});

describe("builtin planner: confidence and defaults", () => {
  it("is sure of a clear question", async () => {
    const plan = await planner.plan(question("list pods in the default namespace"), { resourceTypes: [] });
    expect(plan.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it.each(["hello there", "what's the weather like in Paris tomorrow?", "", "   ", "请写一首诗"])(
    "plans nothing for %j, with no confidence",
    async (text) => {
      const plan = await planner.plan(question(text), { resourceTypes: [] });
      expect(plan.calls).toEqual([]);
      expect(plan.refusal).toBeNull();
      expect(plan.confidence).toBeLessThan(0.6);
    },
  );

  it.each([
    "show pods with the frobnicated quux parameters from yesterday's zorp",
    "list pods that belong to the marketing team's blue-green experiment",
  ])("is unsure when much is left unexplained: %s", async (text) => {
    const plan = await planner.plan(question(text), { resourceTypes: [] });
    expect(plan.confidence).toBeLessThan(0.6);
  });

  it.each([
    ["list pods", { kind: "pods" }],
    ["show logs of pod web-1", { name: "web-1" }],
    ["list nodes in namespace shop", { kind: "nodes" }],
    ["describe persistent volume pv-1 in data", { kind: "persistentvolumes", name: "pv-1" }],
    ["top nodes in kube-system", { kind: "nodes" }],
  ])("never invents a default: %s", async (text, args) => {
    const plan = await planner.plan(question(text), { resourceTypes: [] });
    expect(plan.calls[0].args).toEqual(args);
  });

  it("refuses with no calls and a reason in the user's language", async () => {
    const english = await planner.plan(question("delete pod web-1"), { resourceTypes: [] });
    expect(english).toMatchObject({ calls: [], planner: "builtin" });
    expect(english.refusal).toMatch(/read-only/);
    const chinese = await planner.plan(question("删除pod web-1"), { resourceTypes: [] });
    expect(chinese.refusal).toMatch(/只读/);
  });
});
