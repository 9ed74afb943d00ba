import { describe, expect, it } from "vitest";
import { createRedisCache, type RedisCache } from "../../../src/adapters/cache/redis-cache.js";
import { connectRedis, type RedisConnection } from "../../../src/adapters/cache/redis-connection.js";
import { silentLogger } from "../../../src/core/ports.js";
import { eventually } from "../../helpers/eventually.js";
import { redisSuite } from "../../helpers/redis-suite.js";

describe("Redis cache", () => {
  const redis = redisSuite();

  const open = async (keyPrefix = "t:"): Promise<{ cache: RedisCache; connection: RedisConnection }> => {
    const connection = await redis.connect(keyPrefix);
    return { cache: createRedisCache(connection), connection };
  };

  it("misses an absent key, then hits what was set, counting both", async () => {
    const { cache } = await open();
    expect(await cache.get("answer:a")).toBeUndefined();
    await cache.set("answer:a", '{"summary":"3 pods"}', 30);
    expect(await cache.get("answer:a")).toBe('{"summary":"3 pods"}');
    expect(cache.stats()).toEqual({ hits: 1, misses: 1, errors: 0 });
  });

  it("stores under the key prefix with the TTL asked for", async () => {
    const { cache, connection } = await open("k8helper-test:");
    await cache.set("plan:x", "p", 120);
    const raw = await connectRedis({ url: redis.server.url, logger: silentLogger, keyPrefix: "" });
    try {
      expect(await raw.client.get("k8helper-test:plan:x")).toBe("p");
      const ttl = await raw.client.ttl("k8helper-test:plan:x");
      expect(ttl).toBeGreaterThan(100);
      expect(ttl).toBeLessThanOrEqual(120);
    } finally {
      await raw.close();
    }
    expect(connection.stats()).toMatchObject({ errors: 0, available: true });
  });

  it("forgets a value when its TTL runs out", async () => {
    const { cache } = await open();
    await cache.set("answer:short", "v", 1);
    expect(await cache.get("answer:short")).toBe("v");
    await eventually(async () => (await cache.get("answer:short")) === undefined, 5_000);
  });

  it("stores nothing for a TTL of 0 (caching turned off)", async () => {
    const { cache } = await open();
    await cache.set("answer:off", "v", 0);
    expect(await cache.get("answer:off")).toBeUndefined();
  });

  it("lets exactly one replica take a key with setIfAbsent (Slack event de-duplication)", async () => {
    const first = await open();
    const second = await open();
    const taken = await Promise.all([
      first.cache.setIfAbsent("slack:event:Ev01", "replica-1", 600),
      second.cache.setIfAbsent("slack:event:Ev01", "replica-2", 600),
    ]);
    expect(taken.filter(Boolean)).toHaveLength(1);
    expect(await second.cache.setIfAbsent("slack:event:Ev01", "replica-2", 600)).toBe(false);
    expect(await first.cache.setIfAbsent("slack:event:Ev02", "replica-1", 600)).toBe(true);
  });

  it("frees a key on delete", async () => {
    const { cache } = await open();
    expect(await cache.setIfAbsent("lock:q", "me", 5)).toBe(true);
    await cache.delete("lock:q");
    expect(await cache.get("lock:q")).toBeUndefined();
    expect(await cache.setIfAbsent("lock:q", "me", 5)).toBe(true);
  });

  it("shares values between two replicas' connections", async () => {
    const first = await open();
    const second = await open();
    await first.cache.set("answer:shared", "from replica 1", 30);
    expect(await second.cache.get("answer:shared")).toBe("from replica 1");
  });
});
