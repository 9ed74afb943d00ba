import type { Redis } from "ioredis";
import type { Cache } from "../../core/ports.js";
import type { RedisConnection } from "./redis-connection.js";

export interface CacheStats {
  hits: number;
  misses: number;
  /** Commands that failed or timed out (each also behaves as a miss). */
  errors: number;
}

export interface RedisCache extends Cache {
  stats(): CacheStats;
}

/**
 * The Cache port on Redis, shared by every replica. A failed or slow command is a miss (or a no-op), counted,
 * and logged once per outage by the connection; it never reaches an answer. `close()` closes the connection.
 */
export function createRedisCache(connection: RedisConnection): RedisCache {
  let hits = 0;
  let misses = 0;
  let errors = 0;

  const attempt = async <T>(command: (client: Redis) => Promise<T>) => {
    const result = await connection.attempt(command);
    if (!result.ok) errors += 1;
    return result;
  };

  return {
    async get(key) {
      const result = await attempt((client) => client.get(key));
      const value = result.ok ? (result.value ?? undefined) : undefined;
      if (value === undefined) misses += 1;
      else hits += 1;
      return value;
    },
    async set(key, value, ttlSeconds) {
      if (ttlSeconds <= 0) return;
      await attempt((client) => client.set(key, value, "EX", ttlSeconds));
    },
    async setIfAbsent(key, value, ttlSeconds) {
      const result = await attempt((client) => client.set(key, value, "EX", Math.max(1, ttlSeconds), "NX"));
      return result.ok && result.value === "OK";
    },
    async delete(key) {
      await attempt((client) => client.del(key));
    },
    async close() {
      await connection.close();
    },
    stats: () => ({ hits, misses, errors }),
  };
}
