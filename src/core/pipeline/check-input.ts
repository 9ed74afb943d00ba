import { CodedError } from "../errors.js";
import type { Language } from "../question.js";

export const MAX_QUESTION_LENGTH = 2_000;

// C0 controls other than tab/newline/carriage return, DEL, and lone surrogates mark binary or mangled input.
const BINARY_PATTERN =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;

/** Rejects input no planner should see: empty, huge or binary. Throws CodedError("bad_request"). */
export function checkQuestionText(text: string, language: Language): string {
  const trimmed = text.trim();
  if (trimmed.length === 0) {
    throw new CodedError(
      "bad_request",
      language === "zh"
        ? "问题是空的：请问一个关于集群的问题，例如“查看kube-system命名空间中的服务”。"
        : 'The question is empty: ask about your cluster, e.g. "pods in kube-system".',
    );
  }
  if (trimmed.length > MAX_QUESTION_LENGTH) {
    throw new CodedError(
      "bad_request",
      language === "zh"
        ? `问题太长（${trimmed.length} 个字符，上限 ${MAX_QUESTION_LENGTH}）。`
        : `The question is too long (${trimmed.length} characters; the limit is ${MAX_QUESTION_LENGTH}).`,
    );
  }
  if (BINARY_PATTERN.test(trimmed)) {
    throw new CodedError(
      "bad_request",
      language === "zh"
        ? "问题包含控制字符或二进制数据。"
        : "The question contains control characters or binary data.",
    );
  }
  return trimmed;
}
