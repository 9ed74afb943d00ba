import { CodedError } from "../../core/errors.js";
import { formatDuration } from "../../core/format-duration.js";

/** Why an LLM call failed, in the terms the user's one-line note uses. */
export type LlmFailureReason =
  | "timeout"
  | "rate_limited"
  | "server_error"
  | "auth"
  | "bad_reply"
  | "rejected"
  | "cancelled";

export interface LlmFailure {
  reason: LlmFailureReason;
  /** A short plain phrase that reads well in "The LLM was unavailable (…)" (no stack, no secrets). */
  message: string;
  retryable: boolean;
  /** What the endpoint asked for (Retry-After), when it said. */
  retryAfterMs?: number;
}

export interface CallBudget {
  /** The whole call, retries and waits included, must end within this. */
  timeoutMs: number;
  maxRetries: number;
  /** Waits between attempts (tests shorten them; the default sleeps). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const FIRST_BACKOFF_MS = 500;

/**
 * Runs one LLM request with retries, all inside one time budget: a retry happens only when the wait the
 * endpoint asks for (Retry-After) or our back-off still leaves time for another attempt.
 */
export async function callWithinBudget<T>(
  attempt: (signal: AbortSignal) => Promise<T>,
  classify: (error: unknown) => LlmFailure,
  budget: CallBudget,
  outer?: AbortSignal,
): Promise<T> {
  const deadline = Date.now() + budget.timeoutMs;
  const sleep = budget.sleep ?? abortableSleep;
  for (let retry = 0; ; retry++) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw timeoutError(budget.timeoutMs);
    const timer = AbortSignal.timeout(remaining);
    const signal = outer ? AbortSignal.any([outer, timer]) : timer;
    try {
      return await attempt(signal);
    } catch (error) {
      if (outer?.aborted) throw failureError({ reason: "cancelled", message: "cancelled", retryable: false });
      if (timer.aborted) throw timeoutError(budget.timeoutMs);
      const failure = classify(error);
      if (!failure.retryable || retry >= budget.maxRetries) throw failureError(failure);
      const wait = failure.retryAfterMs ?? FIRST_BACKOFF_MS * 2 ** retry;
      if (Date.now() + wait >= deadline) throw failureError(beyondBudget(failure, wait, budget.timeoutMs));
      await sleep(wait, outer);
    }
  }
}

export function failureError(failure: LlmFailure): CodedError {
  return new CodedError("llm_error", failure.message, { reason: failure.reason });
}

function timeoutError(timeoutMs: number): CodedError {
  return failureError({
    reason: "timeout",
    message: `no answer within ${formatDuration(timeoutMs)}`,
    retryable: false,
  });
}

function beyondBudget(failure: LlmFailure, waitMs: number, timeoutMs: number): LlmFailure {
  return {
    ...failure,
    message: `${failure.message}; retry after ${formatDuration(waitMs)} is beyond the ${formatDuration(timeoutMs)} budget`,
  };
}

/** Parses Retry-After (seconds or an HTTP date) or retry-after-ms into milliseconds. */
export function retryAfterMs(
  header: string | null | undefined,
  headerMs?: string | null,
): number | undefined {
  if (headerMs && Number.isFinite(Number(headerMs))) return Math.max(0, Number(headerMs));
  if (!header) return undefined;
  const secondsValue = Number(header);
  if (Number.isFinite(secondsValue)) return Math.max(0, secondsValue * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      signal?.removeEventListener("abort", aborted);
      resolve();
    }
    function aborted(): void {
      clearTimeout(timer);
      reject(failureError({ reason: "cancelled", message: "cancelled", retryable: false }));
    }
    signal?.addEventListener("abort", aborted, { once: true });
  });
}
