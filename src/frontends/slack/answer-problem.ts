import type { Answer } from "../../core/answer.js";
import { errorMessage, isCodedError } from "../../core/errors.js";
import type { Language } from "../../core/question.js";
import type { Problem } from "./blocks/notice-messages.js";

/** A refusal, an error answer, or an answer where every call failed: shown privately, not as a table. */
export function answerProblem(answer: Answer): Problem | undefined {
  const { requestId, language } = answer;
  if (answer.refusal) return { kind: "refusal", message: answer.refusal, requestId, language };
  if (answer.error)
    return { kind: "error", code: answer.error.code, message: answer.error.message, requestId, language };
  const failed = answer.calls.filter((call) => !call.ok);
  if (answer.calls.length > 0 && failed.length === answer.calls.length && answer.parts.length === 0) {
    const first = failed[0].error;
    return {
      kind: "error",
      code: first?.code,
      message: answer.summary || first?.message || "",
      requestId,
      language,
    };
  }
  return undefined;
}

/** An exception that escaped the pipeline (it should not): a plain message, the details stay in the logs. */
export function unexpectedProblem(error: unknown, requestId: string, language: Language): Problem {
  if (isCodedError(error))
    return { kind: "error", code: error.code, message: errorMessage(error), requestId, language };
  const message =
    language === "zh"
      ? "内部出错了，请稍后再试；如果问题持续，请把请求编号告诉管理员。"
      : "Something went wrong on our side. Try again in a moment; if it keeps happening, give the request id to your admins.";
  return { kind: "error", code: "server_error", message, requestId, language };
}
