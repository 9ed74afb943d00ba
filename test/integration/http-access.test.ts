import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryRateLimiter } from "../../src/adapters/cache/memory-rate-limiter.js";
import type { RunningHttpServer } from "../../src/frontends/http/server.js";
import { postQuery, serveHttp } from "../frontends/http/start-http-stack.js";
import { startTestStack, type TestStack } from "../helpers/answer-service.js";
import { recordingLogger } from "../helpers/recording-logger.js";

const TOKEN = "k8h-test-token-0123456789";
let stack: TestStack;
const servers: RunningHttpServer[] = [];

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  for (const server of servers) await server.close();
  await stack?.close();
});

async function serve(options: Parameters<typeof serveHttp>[1]): Promise<string> {
  const server = await serveHttp(stack, options);
  servers.push(server);
  return server.url;
}

describe("bearer token (K8HELPER_API_TOKEN)", () => {
  let url: string;
  beforeAll(async () => {
    url = await serve({ settings: { apiToken: TOKEN } });
  });

  it.each([
    ["no Authorization header", {}],
    ["a wrong token", { Authorization: "Bearer wrong-token" }],
    ["the token with a suffix", { Authorization: `Bearer ${TOKEN}x` }],
    ["a prefix of the token", { Authorization: `Bearer ${TOKEN.slice(0, -1)}` }],
    ["Basic auth", { Authorization: `Basic ${Buffer.from(`user:${TOKEN}`).toString("base64")}` }],
    ["the token without the scheme", { Authorization: TOKEN }],
  ])("401 with %s", async (_name, headers: Record<string, string>) => {
    const response = await postQuery(url, { query: "list nodes" }, headers);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const body = await response.json();
    expect(body.error.code).toBe("unauthorized");
    expect(JSON.stringify(body)).not.toContain(TOKEN);
  });

  it("answers with the right token", async () => {
    const response = await postQuery(url, { query: "list nodes" }, { Authorization: `Bearer ${TOKEN}` });
    expect(response.status).toBe(200);
    expect((await response.json()).calls[0].tool).toBe("get_resources");
  });

  it("guards the catalogue but leaves probes and metrics open", async () => {
    expect((await fetch(`${url}/api/v1/tools`)).status).toBe(401);
    expect(
      (await fetch(`${url}/api/v1/tools`, { headers: { Authorization: `bearer ${TOKEN}` } })).status,
    ).toBe(200);
    expect((await fetch(`${url}/api/v1/health`)).status).toBe(200);
    expect((await fetch(`${url}/api/v1/ready`)).status).toBe(200);
    expect((await fetch(`${url}/metrics`)).status).toBe(200);
  });
});

describe("rate limit", () => {
  it("429 with Retry-After once a caller has asked its questions for the minute", async () => {
    const url = await serve({ userPerMinute: 2, rateLimiter: createMemoryRateLimiter() });
    expect((await postQuery(url, { query: "list nodes" })).status).toBe(200);
    expect((await postQuery(url, { query: "list namespaces" })).status).toBe(200);
    const limited = await postQuery(url, { query: "list pods" });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await limited.json()).error.code).toBe("rate_limited");
    // Probes are never limited.
    expect((await fetch(`${url}/api/v1/health`)).status).toBe(200);
  });

  it("limits each caller behind a trusted proxy by its forwarded address, and ignores the header otherwise", async () => {
    const from = (address: string) => ({ "X-Forwarded-For": address });
    const behindIngress = await serve({
      userPerMinute: 1,
      rateLimiter: createMemoryRateLimiter(),
      settings: { trustProxyHops: 1 },
    });
    expect((await postQuery(behindIngress, { query: "list nodes" }, from("10.0.0.1"))).status).toBe(200);
    expect((await postQuery(behindIngress, { query: "list nodes" }, from("10.0.0.2"))).status).toBe(200);
    expect((await postQuery(behindIngress, { query: "list nodes" }, from("10.0.0.1"))).status).toBe(429);

    const direct = await serve({ userPerMinute: 1, rateLimiter: createMemoryRateLimiter() });
    expect((await postQuery(direct, { query: "list nodes" }, from("10.0.0.1"))).status).toBe(200);
    expect((await postQuery(direct, { query: "list nodes" }, from("10.0.0.2"))).status).toBe(429);
  });

  it("lets questions through (and logs it) when the limiter itself fails", async () => {
    const logger = recordingLogger();
    const failing = await serveHttp(
      {
        ...stack,
        container: {
          ...stack.container,
          rateLimiter: { take: () => Promise.reject(new Error("redis down")) },
        },
      },
      { userPerMinute: 1, logger },
    );
    servers.push(failing);
    expect((await postQuery(failing.url, { query: "list nodes" })).status).toBe(200);
    expect(logger.entries.some((line) => line.fields.event === "rate_limiter_failed")).toBe(true);
  });
});

describe("where the server listens", () => {
  it("stays on loopback without a token even when asked for every interface, and says so", async () => {
    const logger = recordingLogger();
    const url = await serve({
      settings: { host: "0.0.0.0", apiToken: undefined, allowRemote: false },
      logger,
    });
    expect(new URL(url).hostname).toBe("127.0.0.1");
    expect(logger.entries.map((line) => line.message).join("\n")).toMatch(/loopback only/);
  });

  it("binds the chosen host when a token is set or remote callers are allowed", async () => {
    const withToken = await serve({ settings: { host: "0.0.0.0", apiToken: TOKEN } });
    expect(new URL(withToken).hostname).toBe("0.0.0.0");
    const logger = recordingLogger();
    const open = await serve({ settings: { host: "0.0.0.0", allowRemote: true }, logger });
    expect(new URL(open).hostname).toBe("0.0.0.0");
    expect(logger.entries.some((line) => line.level === "warn" && /anyone/.test(line.message ?? ""))).toBe(
      true,
    );
  });
});

describe("readiness", () => {
  it("stays ready while the cluster fails, saying degraded with the reason and in the metrics; ready again once it recovers", async () => {
    const url = await serve({});
    stack.cluster.faults.set({ status: 503, pathPattern: /^\/version/ });
    try {
      const response = await fetch(`${url}/api/v1/ready`);
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body).toMatchObject({
        status: "degraded",
        checks: { cluster: { ok: false }, cache: { ok: true } },
      });
      expect(body.reasons).toEqual([expect.stringMatching(/^cluster: /)]);
      const metrics = await (await fetch(`${url}/metrics`)).text();
      expect(metrics).toMatch(/^k8helper_dependency_up\{dependency="cluster"\} 0$/m);
      expect(metrics).toMatch(/^k8helper_dependency_up\{dependency="cache"\} 1$/m);
    } finally {
      stack.cluster.faults.clear();
    }
    const recovered = await fetch(`${url}/api/v1/ready`);
    expect(recovered.status).toBe(200);
    expect((await recovered.json()).status).toBe("ready");
    expect(await (await fetch(`${url}/metrics`)).text()).toMatch(
      /^k8helper_dependency_up\{dependency="cluster"\} 1$/m,
    );
  });

  it("is 503 only while the process drains", async () => {
    let draining = false;
    const url = await serve({ draining: () => draining });
    expect((await fetch(`${url}/api/v1/ready`)).status).toBe(200);
    draining = true;
    const response = await fetch(`${url}/api/v1/ready`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "draining" });
  });
});
