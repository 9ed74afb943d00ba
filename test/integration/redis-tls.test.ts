import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RedisServer, startRedisServer } from "../helpers/redis-server.js";

const run = promisify(execFile);

// A child process, because a CA is trusted the way operators do it: NODE_EXTRA_CA_CERTS, read at start-up.
const SCRIPT = `
const { connectRedis } = await import(${JSON.stringify(new URL("../../src/adapters/cache/redis-connection.ts", import.meta.url).pathname)});
const { createRedisCache } = await import(${JSON.stringify(new URL("../../src/adapters/cache/redis-cache.ts", import.meta.url).pathname)});
const warnings = [];
const logger = { debug() {}, info() {}, error() {}, warn: (_fields, message) => warnings.push(message) };
// Generous timeouts: this checks that TLS works, not how fast a busy machine completes a handshake.
const cache = createRedisCache(
  await connectRedis({ url: process.env.TEST_REDIS_URL, logger, commandTimeoutMs: 10000, connectTimeoutMs: 10000 }),
);
await cache.set("tls-check", "over TLS", 30);
console.log(JSON.stringify({ value: await cache.get("tls-check"), warnings }));
await cache.close();
`;

async function cacheRoundTrip(url: string, caFile?: string): Promise<{ value?: string; warnings: string[] }> {
  const env = { ...process.env, TEST_REDIS_URL: url, ...(caFile ? { NODE_EXTRA_CA_CERTS: caFile } : {}) };
  const { stdout } = await run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", SCRIPT], {
    env,
  });
  return JSON.parse(stdout.trim().split("\n").at(-1)!);
}

describe("rediss:// (TLS) with a password in the URL", () => {
  let server: RedisServer;

  beforeAll(async () => {
    server = await startRedisServer({ tls: true, password: "tls-pass" });
  });
  afterAll(async () => {
    await server.close();
  });

  it("caches over TLS when the server's certificate is trusted", async () => {
    expect(server.url).toBe(`rediss://:tls-pass@127.0.0.1:${server.port}`);
    expect(await cacheRoundTrip(server.url, server.caFile)).toEqual({ value: "over TLS", warnings: [] });
  });

  it("refuses an untrusted certificate: one clear warning, answers go on uncached", async () => {
    const result = await cacheRoundTrip(server.url);
    expect(result.value).toBeUndefined();
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/^Redis unavailable \(.*certificate/i);
  });

  it("does not speak plain redis:// to a TLS port", async () => {
    const plain = server.url.replace("rediss://", "redis://");
    const result = await cacheRoundTrip(plain, server.caFile);
    expect(result.value).toBeUndefined();
    expect(result.warnings).toHaveLength(1);
  });
});
