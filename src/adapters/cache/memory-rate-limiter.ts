import type { Clock, RateLimiter } from "../../core/ports.js";
import { systemClock } from "../../core/ports.js";
import { stringBytes } from "./memory-size.js";

/** 8 MiB of windows: every caller of a busy replica, with the limits raised. */
export const DEFAULT_RATE_LIMIT_BYTES = 8 * 1024 * 1024;

const windowBytes = (key: string, window: number[]) => stringBytes(key) + 8 * window.length + 48;

/**
 * Sliding-window limits for one process (Redis shares them across replicas), bounded by bytes: a key
 * holds one timestamp per request in its window, so raised limits make each key larger, not just more keys.
 */
export function createMemoryRateLimiter(
  clock: Clock = systemClock,
  maxBytes = DEFAULT_RATE_LIMIT_BYTES,
): RateLimiter & { heldBytes(): number } {
  const windows = new Map<string, number[]>();
  let held = 0;
  const put = (key: string, window: number[]) => {
    const previous = windows.get(key);
    if (previous) held -= windowBytes(key, previous);
    windows.delete(key);
    windows.set(key, window);
    held += windowBytes(key, window);
    // The least recently used keys go first (a Map iterates in insertion order).
    while (held > maxBytes && windows.size > 1) {
      const [oldest, oldWindow] = windows.entries().next().value!;
      windows.delete(oldest);
      held -= windowBytes(oldest, oldWindow);
    }
  };

  return {
    async take(key, limit, windowSeconds) {
      const now = clock.now();
      const windowStart = now - windowSeconds * 1000;
      const recent = (windows.get(key) ?? []).filter((at) => at > windowStart);
      if (recent.length >= limit) {
        put(key, recent);
        const retryAfterMs = Math.max(1, recent[0]! + windowSeconds * 1000 - now);
        return {
          allowed: false,
          retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)),
          retryAfterMs,
        };
      }
      recent.push(now);
      put(key, recent);
      return { allowed: true, retryAfterSeconds: 0 };
    },
    heldBytes: () => held,
  };
}
