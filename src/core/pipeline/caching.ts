import { z } from "zod";
import type { Answer, Timings, ToolCall } from "../answer.js";
import type { Cache, Clock, ExecutedCall, Plan } from "../ports.js";
import type { Question, Scope } from "../question.js";
import { answerCacheKey, computingLockKey, type PlanKeyParts, planCacheKey } from "./cache-keys.js";

export { canonicalJson, normaliseQuestion } from "./cache-keys.js";

export interface CachingSettings {
  planTtlSeconds: number;
  answerTtlSeconds: number;
  /** Bounds how long a replica waits for another one computing the same answer. */
  toolTimeoutMs?: number;
}

/** What the computing caller produced; only answers whose calls all succeeded are stored. */
export interface ComputedAnswer {
  answer: Answer;
  cacheable: boolean;
}

/** `shared` is true when another caller (in this process or on another replica) computed the answer. */
export interface OnceAnswer {
  answer: Answer;
  shared: boolean;
}

export interface AnswerCaching {
  planKey(parts: PlanKeyParts): string;
  getPlan(key: string): Promise<Plan | undefined>;
  putPlan(key: string, plan: Plan): Promise<void>;
  answerKey(cluster: string, scope: Scope, calls: ToolCall[]): string;
  getAnswer(key: string): Promise<Answer | undefined>;
  putAnswer(key: string, answer: Answer): Promise<void>;
  /** Runs `compute` once for concurrent callers with the same key in this process; the others share its result. */
  singleFlight<T>(key: string, compute: () => Promise<T>): Promise<T>;
  /**
   * Computes an answer once for concurrent identical questions, in this process and across replicas: the first
   * takes a short lock and stores the answer; the others wait (bounded) for it, then compute themselves if it
   * never comes. `fresh` waits only for an answer newer than the one cached now.
   */
  answerOnce(
    key: string,
    options: { fresh?: boolean },
    compute: () => Promise<ComputedAnswer>,
  ): Promise<OnceAnswer>;
}

const POLL_MS = 25;
const SPARE_MS = 5_000;
const DEFAULT_TOOL_TIMEOUT_MS = 15_000;

// Only the fields the pipeline relies on are checked: an entry from another release or a corrupt value is a miss.
const storedPlan = z.looseObject({
  calls: z.array(z.looseObject({ tool: z.string(), args: z.record(z.string(), z.unknown()) })),
  refusal: z.string().nullable(),
  confidence: z.number(),
  planner: z.string(),
});
const storedAnswer = z.looseObject({
  summary: z.string(),
  parts: z.array(z.unknown()),
  calls: z.array(z.unknown()),
  notes: z.array(z.string()),
  cluster: z.string(),
  planner: z.string(),
  computedAt: z.string(),
  timings: z.looseObject({}),
});

export function createAnswerCaching(cache: Cache, clock: Clock, settings: CachingSettings): AnswerCaching {
  const inFlight = new Map<string, Promise<unknown>>();
  // A replica computing an answer runs its calls in parallel, each bounded by the tool timeout, then summarises.
  const lockSeconds = Math.ceil(((settings.toolTimeoutMs ?? DEFAULT_TOOL_TIMEOUT_MS) + SPARE_MS) / 1000);

  const readStored = async <T>(key: string, schema: z.ZodType): Promise<T | undefined> => {
    const raw = await cache.get(key);
    if (raw === undefined) return undefined;
    try {
      const value: unknown = JSON.parse(raw);
      return schema.safeParse(value).success ? (value as T) : undefined;
    } catch {
      return undefined;
    }
  };
  const getAnswer = (key: string) => readStored<Answer>(key, storedAnswer);
  const putAnswer = async (key: string, answer: Answer) => {
    if (settings.answerTtlSeconds > 0)
      await cache.set(key, JSON.stringify(answer), settings.answerTtlSeconds);
  };

  const singleFlight = <T>(key: string, compute: () => Promise<T>): Promise<T> => {
    const running = inFlight.get(key);
    if (running) return running as Promise<T>;
    const started = compute().finally(() => inFlight.delete(key));
    inFlight.set(key, started);
    return started;
  };

  /** Polls the answer key while another replica holds the lock; undefined when it finished without storing one. */
  const answerFromReplica = async (key: string, staleComputedAt: string | undefined) => {
    const lockKey = computingLockKey(key);
    const isNew = (answer: Answer | undefined) =>
      answer !== undefined && answer.computedAt !== staleComputedAt;
    // Counted in polls, not clock time, so an injected clock that stands still cannot make this wait forever.
    for (let poll = 0; poll < (lockSeconds * 1000) / POLL_MS; poll++) {
      const answer = await getAnswer(key);
      if (isNew(answer)) return answer;
      if ((await cache.get(lockKey)) === undefined) {
        // The holder stores the answer before it frees the lock: one last look closes that gap.
        const last = await getAnswer(key);
        return isNew(last) ? last : undefined;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    return undefined;
  };

  const computeAcrossReplicas = async (
    key: string,
    fresh: boolean,
    compute: () => Promise<ComputedAnswer>,
  ): Promise<OnceAnswer> => {
    const lockKey = computingLockKey(key);
    const staleComputedAt = fresh ? (await getAnswer(key))?.computedAt : undefined;
    // setIfAbsent is false when the store is down too: the lock then reads as absent and no one waits.
    const locked = await cache.setIfAbsent(lockKey, new Date(clock.now()).toISOString(), lockSeconds);
    if (!locked) {
      const answer = await answerFromReplica(key, staleComputedAt);
      if (answer) return { answer, shared: true };
    } else {
      // Another replica may have stored the answer and freed the lock between our miss and our lock.
      const stored = await getAnswer(key);
      if (stored && stored.computedAt !== staleComputedAt) {
        await cache.delete(lockKey);
        return { answer: stored, shared: true };
      }
    }
    try {
      const computed = await compute();
      if (computed.cacheable) await putAnswer(key, computed.answer);
      return { answer: computed.answer, shared: false };
    } finally {
      if (locked) await cache.delete(lockKey);
    }
  };

  return {
    planKey: planCacheKey,
    getPlan: (key) => readStored<Plan>(key, storedPlan),
    async putPlan(key, plan) {
      if (settings.planTtlSeconds > 0) await cache.set(key, JSON.stringify(plan), settings.planTtlSeconds);
    },
    answerKey: answerCacheKey,
    getAnswer,
    putAnswer,
    singleFlight,
    async answerOnce(key, options, compute) {
      if (inFlight.has(key)) {
        const running = (await inFlight.get(key)) as OnceAnswer;
        return { answer: running.answer, shared: true };
      }
      return singleFlight(key, () => computeAcrossReplicas(key, options.fresh === true, compute));
    },
  };
}

// Codes that say the call itself was wrong; a missing object, a timeout or another caller's scope do not.
const WRONG_CALL = new Set(["bad_request", "refused"]);

/** The calls of an LLM plan worth replaying for the same words (the plan cache): all but the rejected ones. */
export function replayableCalls(executed: ExecutedCall[]): ToolCall[] {
  return executed
    .filter(({ record }) => record.ok || !WRONG_CALL.has(record.error?.code ?? ""))
    .map(({ record }) => ({ tool: record.tool, args: record.args }));
}

/**
 * A stored or shared answer, shaped for the caller who receives it: their request id and wording, `cached`,
 * the original `computedAt` (front ends say "cached N s ago"), and this request's own timings.
 */
export function reusedAnswer(answer: Answer, question: Question, timings: Timings): Answer {
  return { ...answer, requestId: question.requestId, question: question.text, cached: true, timings };
}
