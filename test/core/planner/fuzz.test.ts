import { describe, expect, it } from "vitest";
import { checkCallPolicy, validateCall } from "../../../src/core/call-policy.js";
import { detectLanguage } from "../../../src/core/language.js";
import { createBuiltinPlanner } from "../../../src/core/planner/builtin/index.js";
import { checkQuestionPolicy } from "../../../src/core/policy.js";
import { toolCatalogue } from "../../../src/core/tools/catalogue.js";
import { fuzzQuestions } from "../../fixtures/fuzz-questions.js";
import { widgetType } from "../../fixtures/resource-types.js";

const catalogueNames = new Set(toolCatalogue.map((tool) => tool.name));

describe("planner and policy fuzz", () => {
  const inputs = fuzzQuestions();

  it("generates at least 5,000 questions", () => {
    expect(inputs.length).toBeGreaterThanOrEqual(5_000);
  });

  it("never throws, never plans outside the catalogue, and every call validates", async () => {
    const planner = createBuiltinPlanner();
    let planned = 0;
    for (const text of inputs) {
      const language = detectLanguage(text);
      expect(() => checkQuestionPolicy(text, language)).not.toThrow();
      const plan = await planner.plan(
        { text, user: "fuzz", frontend: "bench", scope: {}, requestId: "f" },
        { resourceTypes: [widgetType] },
      );
      expect(plan.confidence).toBeGreaterThanOrEqual(0);
      expect(plan.confidence).toBeLessThanOrEqual(1);
      if (plan.refusal !== null) {
        expect(plan.calls).toEqual([]);
        expect(plan.refusal.length).toBeGreaterThan(0);
      }
      for (const call of plan.calls) {
        expect(catalogueNames.has(call.tool), `${call.tool} from ${JSON.stringify(text.slice(0, 80))}`).toBe(
          true,
        );
        const valid = validateCall(call);
        expect(
          valid.ok,
          `${JSON.stringify(call)} from ${JSON.stringify(text.slice(0, 80))}: ${!valid.ok && valid.message}`,
        ).toBe(true);
        // A name no Kubernetes object can have (fuzz text yields "/" as a namespace) is refused, never sent.
        const policy = checkCallPolicy(call, {}, [widgetType]);
        if (!policy.ok)
          expect(policy.message, JSON.stringify(call)).toMatch(/is not a valid Kubernetes name/);
        expect(policy.ok || policy.code === "bad_request").toBe(true);
        expect(String(call.args.kind ?? "")).not.toMatch(/secret/i);
        planned++;
      }
    }
    expect(planned).toBeGreaterThan(1_000);
  });
});
