import type { Answer } from "../../core/answer.js";

/** How a question ended, as metrics and the audit log count it. */
export type AnswerOutcome = "answered" | "refused" | "error" | "cached";

export function answerOutcome(answer: Answer): AnswerOutcome {
  if (answer.error) return "error";
  if (answer.refusal !== null) return "refused";
  if (answer.cached) return "cached";
  // Every call failed: the user got reasons, not an answer.
  if (answer.calls.length > 0 && answer.calls.every((call) => !call.ok)) return "error";
  return "answered";
}
