import { isCodedError } from "../errors.js";
import type { Language } from "../question.js";

/** Below this offline-planner confidence, hybrid mode asks the LLM to plan. */
export const HYBRID_CONFIDENCE_THRESHOLD = 0.6;

/** The one-line note on an answer the offline planner gave because the LLM failed. */
export function llmFallbackNote(language: Language, error: unknown): string {
  const reason = isCodedError(error) ? error.message : "unexpected error";
  return language === "zh"
    ? `大模型暂不可用（${reason}），由离线规划器回答。`
    : `The LLM was unavailable (${reason}): answered by the offline planner.`;
}
