import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedisCache } from "../../../src/adapters/cache/redis-cache.js";
import { connectRedis, redactRedisUrl } from "../../../src/adapters/cache/redis-connection.js";
import { CodedError } from "../../../src/core/errors.js";
import { eventually } from "../../helpers/eventually.js";
import { recordingLogger } from "../../helpers/recording-logger.js";
import { type RedisServer, startRedisServer } from "../../helpers/redis-server.js";

const unavailable = (messages: string[]) =>
  messages.filter((message) => message.startsWith("Redis unavailable"));

describe("Redis connection", () => {
  let server: RedisServer;

  beforeAll(async () => {
    server = await startRedisServer({ password: "s3cret-pass" });
  });
  afterAll(async () => {
    await server.close();
  });

  it("connects with the password in the URL and logs nothing", async () => {
    const logger = recordingLogger();
    const cache = createRedisCache(await connectRedis({ url: server.url, logger }));
    await cache.set("k", "v", 10);
    expect(await cache.get("k")).toBe("v");
    expect(logger.entries).toEqual([]);
    await cache.close();
  });

  it("says the password is wrong once, without printing it, and keeps answering as misses", async () => {
    const logger = recordingLogger();
    const url = `redis://:not-the-password@127.0.0.1:${server.port}`;
    const connection = await connectRedis({ url, logger });
    const cache = createRedisCache(connection);
    for (let i = 0; i < 5; i++) {
      await cache.set("k", "v", 10);
      expect(await cache.get("k")).toBeUndefined();
    }
    expect(await cache.setIfAbsent("lock", "me", 5)).toBe(false);
    const warnings = unavailable(logger.messages("warn"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("authentication failed: check the password in REDIS_URL");
    expect(JSON.stringify(logger.entries)).not.toContain("not-the-password");
    expect(logger.entries[0]!.fields["redis"]).toBe(`redis://:***@127.0.0.1:${server.port}`);
    expect(cache.stats()).toEqual({ hits: 0, misses: 5, errors: 11 });
    expect(connection.stats()).toMatchObject({ available: false, outages: 1 });
    await cache.close();
  });

  it("says when nothing listens at the address", async () => {
    const logger = recordingLogger();
    const closed = await startRedisServer();
    await closed.close();
    const cache = createRedisCache(await connectRedis({ url: closed.url, logger }));
    expect(await cache.get("k")).toBeUndefined();
    expect(unavailable(logger.messages("warn"))).toEqual([
      expect.stringContaining(`connection refused (ECONNREFUSED 127.0.0.1:${closed.port})`),
    ]);
    await cache.close();
  });

  it("says when the host name does not resolve", async () => {
    const logger = recordingLogger();
    const cache = createRedisCache(
      await connectRedis({ url: "redis://redis.k8helper.invalid:6379", logger }),
    );
    expect(await cache.get("k")).toBeUndefined();
    expect(unavailable(logger.messages("warn"))).toEqual([expect.stringContaining("host not found")]);
    await cache.close();
  });

  it("logs one warning per outage, counts failures, and resumes by itself when Redis returns", async () => {
    const logger = recordingLogger();
    const connection = await connectRedis({ url: server.url, logger, maxReconnectDelayMs: 200 });
    const cache = createRedisCache(connection);
    await cache.set("before", "1", 60);

    await server.stop();
    for (let i = 0; i < 20; i++) expect(await cache.get("before")).toBeUndefined();
    expect(unavailable(logger.messages("warn"))).toHaveLength(1);
    expect(cache.stats().errors).toBeGreaterThanOrEqual(20);

    await server.start();
    await eventually(() => logger.messages("info").includes("Redis available again: the cache is back"));
    await cache.set("after", "2", 60);
    expect(await cache.get("after")).toBe("2");
    expect(unavailable(logger.messages("warn"))).toHaveLength(1);
    expect(connection.stats()).toMatchObject({ available: true, outages: 1 });
    await cache.close();
  });

  it("after a timeout from a hung Redis, fails the next commands at once, then resumes when it answers", async () => {
    const logger = recordingLogger();
    const connection = await connectRedis({ url: server.url, logger, pauseAfterTimeoutMs: 60_000 });
    const cache = createRedisCache(connection);
    await cache.set("k", "v", 60);
    server.pause();
    try {
      expect(await cache.get("k")).toBeUndefined();
      for (let i = 0; i < 10; i++) expect(await cache.get("k")).toBeUndefined();
      expect(connection.stats()).toMatchObject({ errors: 11, skipped: 10, available: false });
      expect(unavailable(logger.messages("warn"))).toEqual([expect.stringContaining("timed out")]);
    } finally {
      server.resume();
    }
    await cache.close();

    const resumingLogger = recordingLogger();
    const resuming = createRedisCache(
      await connectRedis({ url: server.url, logger: resumingLogger, pauseAfterTimeoutMs: 200 }),
    );
    server.pause();
    expect(await resuming.get("k")).toBeUndefined();
    server.resume();
    await eventually(async () => (await resuming.get("k")) === "v");
    expect(resumingLogger.messages("info")).toEqual(["Redis available again: the cache is back"]);
    await resuming.close();
  });

  it("picks up a Redis that starts after K8Helper", async () => {
    const late = await startRedisServer();
    await late.stop();
    const logger = recordingLogger();
    const cache = createRedisCache(await connectRedis({ url: late.url, logger, maxReconnectDelayMs: 200 }));
    expect(await cache.get("k")).toBeUndefined();
    await late.start();
    await eventually(async () => {
      await cache.set("k", "v", 10);
      return (await cache.get("k")) === "v";
    });
    expect(unavailable(logger.messages("warn"))).toHaveLength(1);
    expect(logger.messages("info")).toEqual(["Redis available again: the cache is back"]);
    await cache.close();
    await late.close();
  });

  it("hides the password in URLs it logs and rejects other schemes", () => {
    expect(redactRedisUrl("rediss://user:pw@redis.example:6380/2")).toBe(
      "rediss://user:***@redis.example:6380/2",
    );
    expect(redactRedisUrl("redis://127.0.0.1:6379")).toBe("redis://127.0.0.1:6379");
    expect(() => redactRedisUrl("http://127.0.0.1:6379")).toThrow(CodedError);
    expect(() => redactRedisUrl("127.0.0.1:6379")).toThrow(/REDIS_URL .*rediss:\/\//);
  });
});
