import { LRUCache } from "lru-cache";
import type { Cache, Clock } from "../../core/ports.js";
import { systemClock } from "../../core/ports.js";

export interface MemoryCacheOptions {
  /** Bound on entries; the least recently used go first. */
  maxEntries?: number;
  clock?: Clock;
}

/** The cache when REDIS_URL is unset: one process, bounded, with per-entry TTLs. */
export function createMemoryCache(options: MemoryCacheOptions = {}): Cache {
  const clock = options.clock ?? systemClock;
  const entries = new LRUCache<string, { value: string; expiresAt: number }>({
    max: options.maxEntries ?? 5_000,
  });

  const read = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= clock.now()) {
      entries.delete(key);
      return undefined;
    }
    return entry.value;
  };
  const write = (key: string, value: string, ttlSeconds: number) => {
    entries.set(key, { value, expiresAt: clock.now() + ttlSeconds * 1000 });
  };

  return {
    async get(key) {
      return read(key);
    },
    async set(key, value, ttlSeconds) {
      write(key, value, ttlSeconds);
    },
    async setIfAbsent(key, value, ttlSeconds) {
      if (read(key) !== undefined) return false;
      write(key, value, ttlSeconds);
      return true;
    },
    async delete(key) {
      entries.delete(key);
    },
    async close() {
      entries.clear();
    },
  };
}
