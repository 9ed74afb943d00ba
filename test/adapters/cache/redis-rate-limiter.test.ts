import { describe, expect, it } from "vitest";
import { createRedisRateLimiter } from "../../../src/adapters/cache/redis-rate-limiter.js";
import { eventually } from "../../helpers/eventually.js";
import { startRedisServer } from "../../helpers/redis-server.js";
import { redisSuite } from "../../helpers/redis-suite.js";

describe("Redis rate limiter", () => {
  const redis = redisSuite();

  const replica = async (url?: string) => createRedisRateLimiter(await redis.connect("rl-test:", url));

  it("allows the limit, then refuses with the seconds until the oldest request leaves the window", async () => {
    const limiter = await replica();
    for (let i = 0; i < 3; i++)
      expect(await limiter.take("user:U1", 3, 60)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    const refused = await limiter.take("user:U1", 3, 60);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(59);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(limiter.stats()).toEqual({ allowed: 3, limited: 1, failedOpen: 0 });
  });

  it("keeps separate windows per key (user, channel)", async () => {
    const limiter = await replica();
    expect((await limiter.take("user:U2", 1, 60)).allowed).toBe(true);
    expect((await limiter.take("user:U2", 1, 60)).allowed).toBe(false);
    expect((await limiter.take("channel:C2", 1, 60)).allowed).toBe(true);
    expect((await limiter.take("user:U3", 1, 60)).allowed).toBe(true);
  });

  it("shares one window between replicas, even when they race", async () => {
    const first = await replica();
    const second = await replica();
    const decisions = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? first : second).take("user:U4", 5, 60)),
    );
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(5);
    expect((await first.take("user:U4", 5, 60)).allowed).toBe(false);
    expect((await second.take("user:U4", 5, 60)).allowed).toBe(false);
  });

  it("slides: a request is allowed again once the oldest leaves the window", async () => {
    const limiter = await replica();
    expect((await limiter.take("user:U5", 2, 1)).allowed).toBe(true);
    expect((await limiter.take("user:U5", 2, 1)).allowed).toBe(true);
    const limited = await limiter.take("user:U5", 2, 1);
    expect(limited).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    expect(limited.retryAfterMs).toBeGreaterThan(0);
    expect(limited.retryAfterMs).toBeLessThanOrEqual(1000);
    await eventually(async () => (await limiter.take("user:U5", 2, 1)).allowed, 5_000);
  });

  it("fails open when Redis is unreachable, and counts it", async () => {
    const gone = await startRedisServer();
    await gone.close();
    const limiter = await replica(gone.url);
    for (let i = 0; i < 5; i++)
      expect(await limiter.take("user:U6", 1, 60)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    expect(limiter.stats()).toEqual({ allowed: 0, limited: 0, failedOpen: 5 });
  });
});
