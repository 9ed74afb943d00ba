import type { ToolCall } from "../answer.js";
import type { Scope } from "../question.js";

/** Bumped when a cached Plan or Answer changes shape, so replicas of a new release never read old entries. */
const KEY_VERSION = "v1";

const TRAILING_PUNCTUATION = /[\s?？!！.。,，;；:：…~～]+$/u;

/**
 * The same question asked in slightly different ways shares one plan: surrounding and repeated spaces,
 * ASCII case and trailing punctuation do not change what is asked. Other letters keep their case.
 */
export function normaliseQuestion(text: string): string {
  return text
    .trim()
    .replace(/\s+/gu, " ")
    .replace(/[A-Z]/g, (letter) => letter.toLowerCase())
    .replace(TRAILING_PUNCTUATION, "");
}

/** JSON with sorted keys and no undefined members, so equal calls give equal cache keys. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** The plan depends on the words asked and on who planned them. */
export function planCacheKey(questionText: string, planner: string, model?: string): string {
  return `plan:${KEY_VERSION}:${planner}:${model ?? "-"}:${normaliseQuestion(questionText)}`;
}

/**
 * The answer depends on where the calls ran and what the caller may see, never on the wording: two wordings
 * with the same validated calls share one answer. The allowed namespaces are a set, so their order is not part of it.
 */
export function answerCacheKey(cluster: string, scope: Scope, calls: ToolCall[]): string {
  const visible = {
    namespaces: scope.namespaces ? [...new Set(scope.namespaces)].sort() : "*",
    defaultNamespace: scope.defaultNamespace,
  };
  return `answer:${KEY_VERSION}:${cluster}:${canonicalJson(visible)}:${canonicalJson(calls)}`;
}

/** The short lock that lets one replica compute an answer while the others wait for it. */
export function computingLockKey(answerKey: string): string {
  return `lock:${answerKey}`;
}
