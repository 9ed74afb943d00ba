import type { Answer } from "../../core/answer.js";
import { errorMessage } from "../../core/errors.js";
import type { AnswerObserver, Logger } from "../../core/ports.js";
import type { Question } from "../../core/question.js";
import { redactText, redactValue } from "../../core/redact.js";
import { answerOutcome } from "../metrics/answer-outcome.js";

/**
 * The audit trail: one JSON line per question saying who asked what, where, what K8Helper read to
 * answer and how it ended. The question and the call arguments are redacted before they are written.
 */
export function createAuditLog(logger: Logger): AnswerObserver {
  return {
    answered(question: Question, answer: Answer) {
      try {
        logger.info(auditRecord(question, answer), "question answered");
      } catch (error) {
        // An audit failure must never turn into a failed answer.
        logger.error({ event: "audit_failed", requestId: question.requestId, error: errorMessage(error) });
      }
    },
  };
}

export function auditRecord(question: Question, answer: Answer): Record<string, unknown> {
  return {
    event: "audit",
    requestId: answer.requestId || question.requestId,
    frontend: question.frontend,
    user: question.user,
    channel: question.channel,
    cluster: answer.cluster,
    namespace: answer.namespace,
    question: redactText(question.text),
    planner: answer.planner,
    model: answer.model,
    calls: answer.calls.map((call) => ({
      tool: call.tool,
      args: redactValue(call.args),
      ok: call.ok,
      error: call.error?.code,
      durationMs: call.durationMs,
    })),
    outcome: answerOutcome(answer),
    refusal: answer.refusal === null ? undefined : redactText(answer.refusal),
    error: answer.error?.code,
    cached: answer.cached,
    durationMs: answer.timings.totalMs,
    timings: answer.timings,
    tokens: answer.tokens ?? { in: 0, out: 0 },
  };
}
