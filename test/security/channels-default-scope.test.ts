import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/ports.js";
import { createHttpServer, type RunningHttpServer } from "../../src/frontends/http/server.js";
import { mountMcpHttp } from "../../src/frontends/mcp/mcp-http.js";
import { postQuery } from "../frontends/http/start-http-stack.js";
import { startTestStack, type TestStack } from "../helpers/answer-service.js";
import { question } from "../helpers/question.js";

/**
 * A channels file whose `default` entry is `[shop]`, and no K8HELPER_SCOPE_NAMESPACES: REST, the web page and
 * MCP (callers without a channel) get the default scope, as an unlisted Slack channel does.
 */
const PAYMENTS_PODS = /payments-api-|fraud-detector-|ledger-/;
const PAYMENTS_LOG = /pool ready|payments-api listening/;

let stack: TestStack;
let server: RunningHttpServer;

beforeAll(async () => {
  const file = join(mkdtempSync(join(tmpdir(), "k8h-channels-")), "channels.yaml");
  writeFileSync(file, "default:\n  namespaces: [shop]\n  defaultNamespace: shop\n");
  stack = await startTestStack({ env: { K8HELPER_CHANNELS: file } });
  const { container } = stack;
  server = await createHttpServer({
    answers: stack.answers,
    settings: { ...container.config.server, port: 0, host: "127.0.0.1" },
    rateLimiter: container.rateLimiter,
    limits: { userPerMinute: 1_000_000 },
    readiness: () => container.readiness(),
    metrics: container.metrics.registry,
    logger: silentLogger,
    mount: [
      (app) =>
        mountMcpHttp(app, { answers: stack.answers, logger: silentLogger, version: "0", allowRemote: false }),
    ],
  }).listen();
});
afterAll(async () => {
  await server.close();
  await stack.close();
});

/** Requests that addressed namespace payments by path, after request number `from`. */
const paymentsReads = (from: number) =>
  stack.cluster.requests.slice(from).filter((r) => /\/namespaces\/payments(\/|$)/.test(r.path));

async function ask(body: Record<string, unknown>): Promise<string> {
  return (await postQuery(server.url, body)).text();
}

async function callMcp(name: string, args: Record<string, unknown>) {
  const client = new Client({ name: "default-scope-test", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`)));
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  await client.close();
  const text = result.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");
  return { isError: result.isError, text: `${text}\n${JSON.stringify(result.structuredContent ?? {})}` };
}

describe("the channels file's default scope bounds callers without a channel", () => {
  it("REST: pods of a namespace outside the default are not shown nor read", async () => {
    const before = stack.cluster.requests.length;
    const named = await ask({ query: "list pods in namespace payments" });
    expect(named).toMatch(/outside what you may read here \(allowed: shop\)/);
    expect(named).not.toMatch(PAYMENTS_PODS);
    expect(await ask({ query: "list pods", namespace: "payments" })).not.toMatch(PAYMENTS_PODS);
    expect(paymentsReads(before)).toEqual([]);
  });

  it("REST: a question that names no namespace covers the default scope", async () => {
    const answer = await ask({ query: "list pods" });
    expect(answer).toMatch(/checkout-/);
    expect(answer).not.toMatch(PAYMENTS_PODS);
  });

  it.each([
    ["get_resources, namespace payments", "get_resources", { kind: "pods", namespace: "payments" }],
    [
      "get_resources, namespace shop/../payments",
      "get_resources",
      { kind: "pods", namespace: "shop/../payments" },
    ],
  ])("MCP %s: an error, no payments pod", async (_label, tool, args) => {
    const before = stack.cluster.requests.length;
    const result = await callMcp(tool, args);
    expect(result.isError).toBe(true);
    expect(result.text).not.toMatch(PAYMENTS_PODS);
    expect(paymentsReads(before)).toEqual([]);
  });

  it("MCP get_pod_logs of a payments pod with no namespace: no log line", async () => {
    const before = stack.cluster.requests.length;
    const result = await callMcp("get_pod_logs", { name: "payments-api" });
    expect(result.text).not.toMatch(PAYMENTS_LOG);
    expect(paymentsReads(before)).toEqual([]);
  });

  it("MCP within the default scope still answers", async () => {
    const result = await callMcp("get_resources", { kind: "pods", namespace: "shop" });
    expect(result.isError).toBeFalsy();
    expect(result.text).toMatch(/checkout-/);
  });

  it("a Slack channel listed with its own scope keeps it (the default bounds only channel-less callers)", async () => {
    const answer = await stack.answers.answer(
      question("list pods in namespace payments", { frontend: "slack", scope: { namespaces: ["payments"] } }),
    );
    expect(JSON.stringify(answer.parts)).toMatch(/payments-api-/);
  });
});
