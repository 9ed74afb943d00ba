import type { Clock, RateLimiter } from "../../core/ports.js";
import { systemClock } from "../../core/ports.js";

/** Sliding-window limits for one process (Redis shares them across replicas). */
export function createMemoryRateLimiter(clock: Clock = systemClock, maxKeys = 50_000): RateLimiter {
  const windows = new Map<string, number[]>();

  return {
    async take(key, limit, windowSeconds) {
      const now = clock.now();
      const windowStart = now - windowSeconds * 1000;
      const recent = (windows.get(key) ?? []).filter((at) => at > windowStart);
      if (recent.length >= limit) {
        windows.set(key, recent);
        const retryAfterSeconds = Math.max(1, Math.ceil((recent[0]! + windowSeconds * 1000 - now) / 1000));
        return { allowed: false, retryAfterSeconds };
      }
      recent.push(now);
      windows.delete(key);
      windows.set(key, recent);
      if (windows.size > maxKeys) windows.delete(windows.keys().next().value!);
      return { allowed: true, retryAfterSeconds: 0 };
    },
  };
}
