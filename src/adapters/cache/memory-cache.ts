import { LRUCache } from "lru-cache";
import type { Cache, Clock } from "../../core/ports.js";
import { systemClock } from "../../core/ports.js";
import { stringBytes } from "./memory-size.js";

export interface MemoryCacheOptions {
  /** Bound on the bytes the entries hold (keys and values); the least recently used go first. */
  maxBytes?: number;
  clock?: Clock;
}

/** 32 MiB: well inside the chart's 384Mi limit, whatever the mix of small plans and large answers. */
export const DEFAULT_CACHE_BYTES = 32 * 1024 * 1024;

/** The cache when REDIS_URL is unset: one process, bounded, with per-entry TTLs. */
export function createMemoryCache(options: MemoryCacheOptions = {}): Cache & { readonly heldBytes: number } {
  const clock = options.clock ?? systemClock;
  const maxBytes = options.maxBytes ?? DEFAULT_CACHE_BYTES;
  // By bytes, not entries: 5,000 entries of up to 2 MB each was a 10 GB bound. An entry over an eighth
  // of the budget is not kept at all, so one huge answer cannot flush everything else.
  const entries = new LRUCache<string, { value: string; expiresAt: number }>({
    maxSize: maxBytes,
    maxEntrySize: Math.max(1, Math.floor(maxBytes / 8)),
    sizeCalculation: (entry, key) => stringBytes(entry.value) + stringBytes(key) + 16,
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
    /** Bytes held now (for tests and benchmarks). */
    get heldBytes() {
      return entries.calculatedSize;
    },
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
