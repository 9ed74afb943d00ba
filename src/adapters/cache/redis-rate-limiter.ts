import { randomUUID } from "node:crypto";
import type { RateLimiter } from "../../core/ports.js";
import type { RedisConnection } from "./redis-connection.js";

/**
 * One sorted set per key, scored by request time. The script runs atomically on the server and reads the
 * server's clock, so replicas whose clocks disagree still share one window.
 */
const TAKE_SLOT = `
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < limit then
  redis.call('ZADD', KEYS[1], now, now .. '-' .. ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  return {1, 0}
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {0, tonumber(oldest[2]) + window - now}
`;

export interface RateLimiterStats {
  allowed: number;
  limited: number;
  /** Requests allowed because Redis failed (fail open: a cache outage never blocks a user). */
  failedOpen: number;
}

export interface RedisRateLimiter extends RateLimiter {
  stats(): RateLimiterStats;
}

/** Sliding-window limits shared by every replica through Redis. */
export function createRedisRateLimiter(connection: RedisConnection): RedisRateLimiter {
  const counts: RateLimiterStats = { allowed: 0, limited: 0, failedOpen: 0 };

  return {
    async take(key, limit, windowSeconds) {
      const windowMs = Math.max(1, Math.round(windowSeconds * 1000));
      const result = await connection.attempt(
        (client) =>
          client.eval(TAKE_SLOT, 1, `ratelimit:${key}`, limit, windowMs, randomUUID()) as Promise<unknown>,
      );
      if (!result.ok) {
        counts.failedOpen += 1;
        return { allowed: true, retryAfterSeconds: 0 };
      }
      const [allowed, waitMs] = result.value as [number, number];
      if (allowed === 1) {
        counts.allowed += 1;
        return { allowed: true, retryAfterSeconds: 0 };
      }
      counts.limited += 1;
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
        retryAfterMs: Math.max(1, waitMs),
      };
    },
    stats: () => ({ ...counts }),
  };
}
