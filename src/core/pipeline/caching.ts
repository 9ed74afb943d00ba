import type { Answer, ToolCall } from "../answer.js";
import type { Cache, Clock, Plan } from "../ports.js";
import type { Scope } from "../question.js";

export interface CachingSettings {
  planTtlSeconds: number;
  answerTtlSeconds: number;
}

export interface AnswerCaching {
  planKey(questionText: string, planner: string, model?: string): string;
  getPlan(key: string): Promise<Plan | undefined>;
  putPlan(key: string, plan: Plan): Promise<void>;
  answerKey(cluster: string, scope: Scope, calls: ToolCall[]): string;
  getAnswer(key: string): Promise<Answer | undefined>;
  putAnswer(key: string, answer: Answer): Promise<void>;
  /** Runs `compute` once for concurrent callers with the same key; the others share its result. */
  singleFlight<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

/** The same question asked in slightly different ways (case, spaces, trailing punctuation) shares one plan. */
export function normaliseQuestion(text: string): string {
  return text
    .trim()
    .replace(/\s+/g, " ")
    .replace(/[A-Z]/g, (letter) => letter.toLowerCase())
    .replace(/[\s?？!！.。]+$/u, "");
}

/** JSON with sorted keys, so equal calls give equal cache keys. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function createAnswerCaching(cache: Cache, clock: Clock, settings: CachingSettings): AnswerCaching {
  const inFlight = new Map<string, Promise<unknown>>();
  void clock;

  const readJson = async <T>(key: string): Promise<T | undefined> => {
    const raw = await cache.get(key);
    if (raw === undefined) return undefined;
    try {
      return JSON.parse(raw) as T;
    } catch {
      return undefined;
    }
  };

  return {
    planKey: (questionText, planner, model) =>
      `k8h:plan:${planner}:${model ?? "-"}:${normaliseQuestion(questionText)}`,
    getPlan: (key) => readJson<Plan>(key),
    async putPlan(key, plan) {
      if (settings.planTtlSeconds > 0) await cache.set(key, JSON.stringify(plan), settings.planTtlSeconds);
    },
    answerKey: (cluster, scope, calls) =>
      `k8h:answer:${cluster}:${canonicalJson({ namespaces: scope.namespaces, defaultNamespace: scope.defaultNamespace })}:${canonicalJson(calls)}`,
    getAnswer: (key) => readJson<Answer>(key),
    async putAnswer(key, answer) {
      if (settings.answerTtlSeconds > 0)
        await cache.set(key, JSON.stringify(answer), settings.answerTtlSeconds);
    },
    async singleFlight<T>(key: string, compute: () => Promise<T>): Promise<T> {
      const running = inFlight.get(key);
      if (running) return running as Promise<T>;
      const started = compute().finally(() => inFlight.delete(key));
      inFlight.set(key, started);
      return started;
    },
  };
}
