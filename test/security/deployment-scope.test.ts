import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/ports.js";
import { createMcpServer } from "../../src/frontends/mcp/mcp-server.js";
import { type HttpStack, postQuery, startHttpStack } from "../frontends/http/start-http-stack.js";

/** K8HELPER_SCOPE_NAMESPACES bounds the REST API and MCP as a channel scope bounds Slack. */
let stack: HttpStack;
beforeAll(async () => {
  stack = await startHttpStack({ env: { K8HELPER_SCOPE_NAMESPACES: "shop, edge" } });
});
afterAll(async () => {
  await stack.close();
});

const OUTSIDE = /payments|kube-system|monitoring/;

async function ask(question: Record<string, unknown>) {
  const response = await postQuery(stack.url, question);
  return { status: response.status, body: await response.text() };
}

async function callMcp(name: string, args: Record<string, unknown>) {
  const server = createMcpServer({
    answers: stack.answers,
    logger: silentLogger,
    caller: "test",
    version: "0",
  });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: "scope-test", version: "1.0.0" });
  await client.connect(clientSide);
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  await client.close();
  const text = result.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");
  return { isError: result.isError, text: `${text}\n${JSON.stringify(result.structuredContent ?? {})}` };
}

/** Requests that addressed a namespace outside the deployment's scope by path. */
const outOfScopeReads = (from: number) =>
  stack.cluster.requests
    .slice(from)
    .filter((r) => /\/namespaces\/(payments|kube-system|monitoring)(\/|$)/.test(r.path));

describe("the deployment's namespace scope (K8HELPER_SCOPE_NAMESPACES)", () => {
  it("REST: a question about a namespace outside the scope is refused and that namespace is not read", async () => {
    const before = stack.cluster.requests.length;
    const answer = await ask({ query: "list pods in namespace payments" });
    // The call fails as data (a failed tool is part of the answer), as in a scoped Slack channel.
    expect(answer.body).toMatch(/payments\\?" is outside what you may read here \(allowed: shop, edge\)/);
    expect(answer.body).not.toMatch(/payments-api-|fraud-detector-/);
    const viaBody = await ask({ query: "list pods", namespace: "payments" });
    expect(viaBody.body).not.toMatch(/payments-api-|fraud-detector-/);
    expect(outOfScopeReads(before)).toEqual([]);
  });

  it("REST: the namespaces list and an every-namespace question show only the scope", async () => {
    const namespaces = await ask({ query: "list namespaces" });
    expect(namespaces.status).toBe(200);
    const rows = (JSON.parse(namespaces.body).parts[0].rows as string[][]).map((row) => row[0]);
    expect(rows.sort()).toEqual(["edge", "shop"]);
    const everywhere = await ask({ query: "list pods in all namespaces" });
    expect(everywhere.body).toMatch(/checkout-/);
    expect(everywhere.body).not.toMatch(/payments-api-|coredns-/);
  });

  it("MCP: a call naming an outside namespace is an error, its pods and logs are never shown", async () => {
    const before = stack.cluster.requests.length;
    const pods = await callMcp("get_resources", { kind: "pods", namespace: "payments" });
    expect(pods.isError).toBe(true);
    expect(pods.text).not.toMatch(/payments-api-|fraud-detector-/);
    const logs = await callMcp("get_pod_logs", { name: "payments-api" });
    expect(logs.text).not.toMatch(/pool ready|listening/);
    const manifest = await callMcp("get_manifest", { kind: "namespaces", name: "payments" });
    expect(manifest.isError).toBe(true);
    expect(outOfScopeReads(before)).toEqual([]);
  });

  it("MCP: cluster-scoped reads are cut down to the scope", async () => {
    const namespaces = await callMcp("get_resources", { kind: "namespaces" });
    expect(namespaces.isError).toBeUndefined();
    expect(namespaces.text).toMatch(/shop/);
    expect(namespaces.text).not.toMatch(OUTSIDE);
  });
});
