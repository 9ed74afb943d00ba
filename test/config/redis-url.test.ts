import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";

const load = (REDIS_URL: string) => loadConfig({ env: { REDIS_URL }, dotenvPath: "/nonexistent/.env" });

describe("REDIS_URL", () => {
  it.each(["redis://127.0.0.1:6379", "redis://:p%40ss@redis:6379/2", "rediss://user:pw@redis.example:6380"])(
    "accepts %s",
    (url) => {
      expect(load(url).cache.redisUrl).toBe(url);
    },
  );

  it.each(["127.0.0.1:6379", "http://redis:6379", "redis://"])("rejects %s with the expected form", (url) => {
    expect(() => load(url)).toThrow(/REDIS_URL: must be a redis:\/\/ or rediss:\/\/ \(TLS\) URL/);
  });

  it("times Redis commands out after K8HELPER_REDIS_TIMEOUT_MS (100 ms unless set)", () => {
    expect(load("redis://r:6379").cache.redisTimeoutMs).toBe(100);
    const config = loadConfig({ env: { K8HELPER_REDIS_TIMEOUT_MS: "250" }, dotenvPath: "/nonexistent/.env" });
    expect(config.cache.redisTimeoutMs).toBe(250);
    expect(() =>
      loadConfig({ env: { K8HELPER_REDIS_TIMEOUT_MS: "0" }, dotenvPath: "/nonexistent/.env" }),
    ).toThrow(/K8HELPER_REDIS_TIMEOUT_MS/);
  });
});
