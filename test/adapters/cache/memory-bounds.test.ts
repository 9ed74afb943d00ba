import { describe, expect, it } from "vitest";
import { createMemoryCache, DEFAULT_CACHE_BYTES } from "../../../src/adapters/cache/memory-cache.js";
import { createMemoryRateLimiter } from "../../../src/adapters/cache/memory-rate-limiter.js";
import { createMemoryTokenBudget } from "../../../src/adapters/cache/memory-token-budget.js";
import type { Clock } from "../../../src/core/ports.js";

const MiB = 1024 * 1024;

describe("in-memory state is bounded by bytes, not entries", () => {
  it("the cache holds at most its byte budget of 2 MB answers, keeping the most recent", async () => {
    const cache = createMemoryCache({ maxBytes: 16 * MiB });
    const answer = "x".repeat(900_000); // 1.8 MB held as UTF-16
    for (let index = 0; index < 100; index++) await cache.set(`answer:${index}`, answer, 600);
    expect(cache.heldBytes).toBeLessThanOrEqual(16 * MiB);
    expect(await cache.get("answer:99")).toBe(answer);
    expect(await cache.get("answer:0")).toBeUndefined();
  });

  it("an entry over an eighth of the budget is not kept, so it cannot flush the rest", async () => {
    const cache = createMemoryCache({ maxBytes: 8 * MiB });
    await cache.set("small", "kept", 600);
    await cache.set("huge", "y".repeat(MiB), 600);
    expect(await cache.get("huge")).toBeUndefined();
    expect(await cache.get("small")).toBe("kept");
  });

  it("the default budget is 32 MiB", async () => {
    expect(DEFAULT_CACHE_BYTES).toBe(32 * MiB);
    const cache = createMemoryCache();
    for (let index = 0; index < 60; index++) await cache.set(`k${index}`, "z".repeat(2_000_000), 600);
    expect(cache.heldBytes).toBeLessThanOrEqual(DEFAULT_CACHE_BYTES);
    expect(cache.heldBytes).toBeGreaterThan(DEFAULT_CACHE_BYTES / 2);
  });

  it("rate-limit windows stay within their bytes with raised limits and many callers, and still limit", async () => {
    let now = 1_000_000;
    const clock: Clock = { now: () => now };
    const limiter = createMemoryRateLimiter(clock, MiB);
    for (let index = 0; index < 20_000; index++) {
      now += 1;
      await limiter.take(`user:U${index % 2_000}`, 100_000, 60);
    }
    expect(limiter.heldBytes()).toBeLessThanOrEqual(MiB);
    for (let index = 0; index < 3; index++) await limiter.take("user:last", 3, 60);
    expect((await limiter.take("user:last", 3, 60)).allowed).toBe(false);
  });

  it("today's token spending is bounded, forgetting the least recent spenders first", async () => {
    const budget = createMemoryTokenBudget({ dailyTokens: 1_000, maxBytes: 64 * 1024 });
    for (let index = 0; index < 10_000; index++) await budget.spend(`user:U${index}`, 10);
    await budget.spend("user:recent", 600);
    expect(await budget.remaining("user:recent")).toBe(400);
    expect(await budget.remaining("user:U0")).toBe(1_000);
  });
});
