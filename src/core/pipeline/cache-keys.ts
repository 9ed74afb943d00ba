import type { ToolCall } from "../answer.js";
import type { Scope } from "../question.js";

/** Bumped when a cached Plan or Answer changes shape, so replicas of a new release never read old entries. */
const KEY_VERSION = "v1";
// Plan keys changed what they hold (scope, cluster, discovery): old entries are never read again.
const PLAN_KEY_VERSION = "v2";

const TRAILING_PUNCTUATION = /[\s?？!！.。,，;；:：…~～]+$/u;

/**
 * The same question asked in slightly different ways shares one plan: surrounding and repeated spaces and
 * trailing punctuation do not change what is asked. Case does: label values and custom resource names are
 * case-sensitive (`app=Web` is not `app=web`).
 */
export function normaliseQuestion(text: string): string {
  return text.trim().replace(/\s+/gu, " ").replace(TRAILING_PUNCTUATION, "");
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

export interface PlanKeyParts {
  questionText: string;
  planner: string;
  model?: string;
  /** The cluster the plan's calls ran on. */
  cluster: string;
  /** What the caller may see: a plan made under one scope is never replayed under another. */
  scope: Scope;
  /** The discovery the planner was given (custom kinds, short names), as `discoveryFingerprint` gives it. */
  discovery: string;
}

/** The plan depends on the words asked, who planned them, for whom and against what cluster. */
export function planCacheKey(parts: PlanKeyParts): string {
  const context = {
    cluster: parts.cluster,
    ...visibleScope(parts.scope),
    clusterScopedKinds: parts.scope.clusterScopedKinds,
    discovery: parts.discovery,
  };
  const who = `${parts.planner}:${parts.model ?? "-"}`;
  return `plan:${PLAN_KEY_VERSION}:${who}:${canonicalJson(context)}:${normaliseQuestion(parts.questionText)}`;
}

/** A short stable digest of the served resource types (FNV-1a over the sorted list; the core has no crypto). */
export function discoveryFingerprint(
  types: readonly {
    group: string;
    version: string;
    plural: string;
    namespaced: boolean;
    shortNames?: string[];
  }[],
): string {
  const lines = types
    .map(
      (type) =>
        `${type.group}/${type.version}/${type.plural}/${type.namespaced}/${(type.shortNames ?? []).join(",")}`,
    )
    .sort();
  let hash = 0x811c9dc5;
  for (const char of lines.join("\n")) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${types.length}-${hash.toString(16)}`;
}

function visibleScope(scope: Scope) {
  return {
    namespaces: scope.namespaces ? [...new Set(scope.namespaces)].sort() : "*",
    defaultNamespace: scope.defaultNamespace,
  };
}

/**
 * The answer depends on where the calls ran and what the caller may see, never on the wording: two wordings
 * with the same validated calls share one answer. The allowed namespaces are a set, so their order is not part of it.
 */
export function answerCacheKey(cluster: string, scope: Scope, calls: ToolCall[]): string {
  const visible = { ...visibleScope(scope), clusterScopedKinds: scope.clusterScopedKinds };
  return `answer:${KEY_VERSION}:${cluster}:${canonicalJson(visible)}:${canonicalJson(calls)}`;
}

/** The short lock that lets one replica compute an answer while the others wait for it. */
export function computingLockKey(answerKey: string): string {
  return `lock:${answerKey}`;
}
