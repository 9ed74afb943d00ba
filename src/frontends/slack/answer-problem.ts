import type { Answer } from "../../core/answer.js";
import { errorMessage, isCodedError } from "../../core/errors.js";
import type { Language } from "../../core/question.js";
import type { Problem } from "./blocks/notice-messages.js";

/** Errors a second try may cure: they get a Try again button. */
const RETRYABLE = new Set(["unreachable", "timeout", "server_error", "llm_error", "gone", "rate_limited"]);

/** Errors everyone in the channel should know about: the cluster is down or too slow for anyone. */
const PUBLIC = new Set(["unreachable", "timeout"]);

/** "within 1.5 s" / "within 300 ms" in a timeout message, as seconds. */
function timeoutSeconds(message: string): number | undefined {
  const match = /within (\d+(?:\.\d+)?) ?(ms|s)\b/.exec(message);
  if (!match) return undefined;
  const value = Number(match[1]);
  return match[2] === "ms" ? value / 1_000 : value;
}

function seconds(value: number): string {
  return value >= 10 ? String(Math.round(value)) : String(Math.round(value * 10) / 10);
}

/**
 * What went wrong in plain words: no tool names ("get_resources did not complete"), no API server URL.
 * The code stays in the message's footer and the details in the logs, under the request id.
 */
export function plainErrorMessage(
  code: string | undefined,
  message: string,
  language: Language,
  cluster?: string,
): string {
  const where = cluster ? (language === "zh" ? `集群 ${cluster}` : `the cluster ${cluster}`) : undefined;
  switch (code) {
    case "unreachable":
      return language === "zh"
        ? `我现在连不上${where ?? "集群"}（连接失败）。没有做任何修改。请稍后重试；如果一直失败，可能是集群的 API 服务器出了问题。`
        : `I can't reach ${where ?? "the cluster"} right now: the connection failed. Nothing was changed. Try again in a moment; if it keeps failing, the cluster's API server may be down.`;
    case "timeout": {
      const limit = timeoutSeconds(message);
      return language === "zh"
        ? `${where ?? "集群"}${limit ? `在 ${seconds(limit)} 秒内` : ""}没有响应，可能是负载过高。请稍后重试，或把问题问得更具体一些（指定命名空间）。`
        : `${where ? `${where[0].toUpperCase()}${where.slice(1)}` : "The cluster"} did not answer${limit ? ` within ${seconds(limit)} s` : " in time"}; it may be overloaded. Try again in a moment, or ask about one namespace.`;
    }
    case "forbidden":
      return language === "zh"
        ? "K8Helper 没有读取这些资源的权限（它的服务账号缺少相应的 RBAC 规则）。请联系管理员。"
        : "K8Helper is not allowed to read that (its service account lacks the RBAC rule). Ask your admins.";
    case "llm_error":
      return language === "zh"
        ? "语言模型暂时没有响应。请稍后重试。"
        : "The language model did not answer just now. Try again in a moment.";
    case "server_error":
      return language === "zh"
        ? "内部出错了，请稍后再试；如果问题持续，请把请求编号告诉管理员。"
        : "Something went wrong on our side. Try again in a moment; if it keeps happening, give the request id to your admins.";
    case "ambiguous":
      return language === "zh"
        ? `${withoutInternals(message)}。请选择一个：`
        : `${withoutInternals(message)}. Pick one:`;
    default:
      return withoutInternals(message);
  }
}

/** Drops "<tool> did not complete: " prefixes and API server URLs from a message meant for people. */
export function withoutInternals(message: string): string {
  return message
    .replace(/\b[a-z]+(?:_[a-z]+)+ (?:did not complete|未能完成)[:：]\s*/g, "")
    .replace(/\s*(?:at |在 )?https?:\/\/[^\s,;)]+/g, "")
    .replace(/\s{2,}/g, " ")
    .trim();
}

function problemOf(
  code: string | undefined,
  message: string,
  requestId: string,
  language: Language,
  cluster?: string,
): Problem {
  return {
    kind: "error",
    code,
    message: plainErrorMessage(code, message, language, cluster),
    requestId,
    language,
    retry: code === undefined || RETRYABLE.has(code),
    public: code !== undefined && PUBLIC.has(code),
  };
}

const MAX_CHOICES = 5;

/**
 * "logs of checkout" matching several pods: the pods to choose from (Logs buttons), read from the error's
 * list ("… matches 3 pods in shop: a, b, c"), in the namespace the call named.
 */
function logChoices(call: Answer["calls"][number]): Problem["choices"] {
  if (call.tool !== "get_pod_logs" || !call.error) return undefined;
  const listed = /matches \d+ pods?[^:]*: (.+?)(?:; name the namespace.*)?$/.exec(call.error.message)?.[1];
  if (!listed) return undefined;
  const names = listed
    .replace(/ and \d+ more$/, "")
    .split(", ")
    .map((entry) => entry.trim())
    .filter((entry) => /^([a-z0-9.-]+\/)?[a-z0-9][a-z0-9.-]*$/.test(entry));
  if (names.length < 2) return undefined;
  const namespace = typeof call.args.namespace === "string" ? call.args.namespace : undefined;
  return names.slice(0, MAX_CHOICES).map((entry) => {
    const [first, second] = entry.split("/");
    const args: Record<string, string | boolean> = second
      ? { name: second, namespace: first }
      : { name: first };
    if (!second && namespace) args.namespace = namespace;
    if (typeof call.args.container === "string") args.container = call.args.container;
    if (call.args.previous === true) args.previous = true;
    return args;
  });
}

/** A refusal, an error answer, or an answer where every call failed: shown privately, not as a table. */
export function answerProblem(answer: Answer): Problem | undefined {
  const { requestId, language } = answer;
  if (answer.refusal) return { kind: "refusal", message: answer.refusal, requestId, language };
  if (answer.error) {
    const problem = problemOf(answer.error.code, answer.error.message, requestId, language, answer.cluster);
    const call = answer.calls.find((candidate) => candidate.error?.code === "ambiguous");
    const choices = answer.error.code === "ambiguous" && call ? logChoices(call) : undefined;
    return choices ? { ...problem, choices } : problem;
  }
  const failed = answer.calls.filter((call) => !call.ok);
  if (answer.calls.length > 0 && failed.length === answer.calls.length && answer.parts.length === 0) {
    const first = failed[0].error;
    const choices = first?.code === "ambiguous" ? logChoices(failed[0]) : undefined;
    if (choices) {
      const problem = problemOf("ambiguous", first?.message ?? "", requestId, language, answer.cluster);
      return { ...problem, choices };
    }
    return problemOf(
      first?.code,
      answer.summary || first?.message || "",
      requestId,
      language,
      answer.cluster,
    );
  }
  return undefined;
}

/** An exception that escaped the pipeline (it should not): a plain message, the details stay in the logs. */
export function unexpectedProblem(error: unknown, requestId: string, language: Language): Problem {
  if (isCodedError(error)) return problemOf(error.code, errorMessage(error), requestId, language);
  return problemOf("server_error", "", requestId, language);
}
