import { isCodedError } from "../errors.js";
import { detectLanguage } from "../language.js";
import { llmFallbackNote } from "../planner/hybrid.js";
import type { Plan, PlanContext, Planner } from "../ports.js";
import type { Question } from "../question.js";

export interface LlmPlanningOptions {
  name: string;
  builtin: Planner;
  llm: Planner;
  /** Hybrid: a builtin plan at least this confident is used without asking the LLM. Undefined: always ask. */
  hybridThreshold?: number;
}

/**
 * Planning with an LLM the way the pipeline does it, for `plan` and `eval`: the offline planner's refusals
 * stand (the read-only rules come first), hybrid keeps confident offline plans, and an LLM failure falls
 * back to the offline plan with a one-line note.
 */
export function createLlmPlanning(options: LlmPlanningOptions): Planner {
  return {
    name: options.name,
    async plan(question: Question, context: PlanContext): Promise<Plan> {
      const offline = await options.builtin.plan(question, context);
      if (offline.refusal) return offline;
      if (options.hybridThreshold !== undefined && offline.confidence >= options.hybridThreshold)
        return offline;
      try {
        return await options.llm.plan(question, context);
      } catch (error) {
        if (!isCodedError(error) || error.code !== "llm_error") throw error;
        return {
          ...offline,
          notes: [llmFallbackNote(detectLanguage(question.text), error), ...(offline.notes ?? [])],
        };
      }
    },
  };
}
