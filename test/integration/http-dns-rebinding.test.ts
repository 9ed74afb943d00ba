import { request } from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mountReadyRoute } from "../../src/frontends/http/routes/ready.js";
import { type HttpStack, startHttpStack } from "../frontends/http/start-http-stack.js";

/** A raw request with the Host a rebound DNS name would send (fetch does not let a caller choose Host). */
function send(url: string, path: string, host: string, method = "GET", body?: string) {
  const target = new URL(url);
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path,
        method,
        headers: { host, "content-type": "application/json", accept: "application/json, text/event-stream" },
      },
      (res) => {
        let text = "";
        res.on("data", (chunk) => {
          text += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

describe("DNS rebinding: without a token only localhost Host names are answered", () => {
  let stack: HttpStack;
  beforeAll(async () => {
    stack = await startHttpStack({ settings: { apiToken: undefined, allowRemote: false } });
  });
  afterAll(() => stack?.close());

  const query = JSON.stringify({ query: "describe deployment checkout in shop" });
  it.each([
    ["POST", "/api/v1/query", query],
    ["GET", "/api/v1/tools", undefined],
    ["GET", "/api/v1/ready", undefined],
    ["GET", "/metrics", undefined],
    ["GET", "/", undefined],
  ])("%s %s with Host rebind.attacker.example is 403 and reads nothing", async (method, path, body) => {
    const before = stack.cluster.requests.length;
    const response = await send(stack.url, path, "rebind.attacker.example", method, body);
    expect(response.status).toBe(403);
    expect(response.text).toContain("localhost");
    expect(response.text).not.toContain("checkout");
    expect(stack.cluster.requests.length).toBe(before);
  });

  it.each(["localhost", "127.0.0.1", "[::1]"])("answers Host %s", async (name) => {
    const port = new URL(stack.url).port;
    const response = await send(stack.url, "/api/v1/query", `${name}:${port}`, "POST", query);
    expect(response.status).toBe(200);
    expect(response.text).toContain("checkout");
  });
});

describe("/api/v1/ready does not print the API server's address", () => {
  it.each([
    "connect ECONNREFUSED 10.96.0.1:443",
    "request to https://kube-api.internal.example:6443/version failed, reason: timeout",
    "getaddrinfo ENOTFOUND api.prod.cluster.local:6443",
    "connect ECONNREFUSED [fd00::1]:6443",
  ])("%s", async (message) => {
    const app = express();
    const router = express.Router();
    mountReadyRoute(router, {
      checks: async () => ({ cluster: { ok: false, message }, cache: { ok: true } }),
    });
    app.use("/api/v1", router);
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const { port } = server.address() as { port: number };
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/ready`);
    const text = await response.text();
    server.close();
    // The process is ready; the cluster outage shows in the body as degraded (issue 16), without its address.
    expect(response.status).toBe(200);
    expect(text).toContain("<address>");
    expect(text).not.toMatch(/10\.96\.0\.1|kube-api\.internal|api\.prod\.cluster|fd00::1|6443/);
  });
});
