import { describe, expect, it } from "vitest";
import { createMemoryTokenBudget } from "../../../src/adapters/cache/memory-token-budget.js";
import { createRedisTokenBudget } from "../../../src/adapters/cache/redis-token-budget.js";
import type { Clock, TokenBudget } from "../../../src/core/ports.js";
import { startRedisServer } from "../../helpers/redis-server.js";
import { redisSuite } from "../../helpers/redis-suite.js";

const DAY_MS = 86_400_000;

describe("LLM token budget", () => {
  const redis = redisSuite();

  const redisBudget = async (clock: Clock, url?: string, keyPrefix = `tb-${Math.random()}:`) =>
    createRedisTokenBudget(await redis.connect(keyPrefix, url), { dailyTokens: 1_000, clock });

  const adapters: [string, (clock: Clock) => Promise<TokenBudget>][] = [
    ["memory", async (clock) => createMemoryTokenBudget({ dailyTokens: 1_000, clock })],
    ["redis", (clock) => redisBudget(clock)],
  ];

  for (const [name, create] of adapters) {
    it(`${name}: spends per user and resets at midnight UTC`, async () => {
      let now = Date.parse("2026-11-25T23:59:00Z");
      const budget = await create({ now: () => now });
      expect(await budget.remaining("U1")).toBe(1_000);
      await budget.spend("U1", 400);
      await budget.spend("U1", 250.5);
      await budget.spend("U1", -5);
      expect(await budget.remaining("U1")).toBe(349);
      expect(await budget.remaining("U2")).toBe(1_000);
      await budget.spend("U1", 5_000);
      expect(await budget.remaining("U1")).toBe(0);
      now += 2 * 60_000;
      expect(await budget.remaining("U1")).toBe(1_000);
    });
  }

  it("redis: two replicas draw on one budget", async () => {
    const clock = { now: () => Date.parse("2026-11-25T12:00:00Z") };
    const first = await redisBudget(clock, redis.server.url, "tb-shared:");
    const second = await redisBudget(clock, redis.server.url, "tb-shared:");
    await first.spend("U9", 300);
    await second.spend("U9", 300);
    expect(await first.remaining("U9")).toBe(400);
    expect(await second.remaining("U9")).toBe(400);
  });

  it("redis: an unreachable Redis never blocks (full budget reported)", async () => {
    const gone = await startRedisServer();
    await gone.close();
    const budget = await redisBudget({ now: () => DAY_MS }, gone.url);
    await budget.spend("U1", 900);
    expect(await budget.remaining("U1")).toBe(1_000);
  });
});
