import type { Clock } from "../../core/ports.js";

export interface ProgressUpdates {
  /** The latest progress line; sent at once or after the interval, never more often. */
  report(progress: string): void;
  /** Stops updates and waits for the one in flight, so the final answer is never overwritten. */
  finish(): Promise<void>;
}

/**
 * Throttles progress edits of the placeholder (Slack allows about one chat.update a second per message, and
 * chat.update is Tier 3 for the whole workspace): nothing in the first `quietMs`, so an answer that arrives
 * within a second costs no progress edit at all; then at most one edit per `intervalMs`.
 */
export function createProgressUpdates(
  send: (progress: string) => Promise<void>,
  clock: Clock,
  intervalMs = 1_000,
  quietMs = 1_000,
): ProgressUpdates {
  let lastSent = clock.now() + quietMs - intervalMs;
  let pending: string | undefined;
  let inFlight: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let finished = false;

  const flush = () => {
    timer = undefined;
    if (finished || pending === undefined) return;
    const progress = pending;
    pending = undefined;
    lastSent = clock.now();
    inFlight = inFlight.then(() => send(progress)).catch(() => {});
  };

  return {
    report(progress) {
      if (finished) return;
      pending = progress;
      if (timer) return;
      const wait = lastSent + intervalMs - clock.now();
      if (wait <= 0) flush();
      else timer = setTimeout(flush, wait);
    },
    async finish() {
      finished = true;
      if (timer) clearTimeout(timer);
      await inFlight;
    },
  };
}
