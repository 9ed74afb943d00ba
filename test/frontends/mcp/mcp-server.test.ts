import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryRateLimiter } from "../../../src/adapters/cache/memory-rate-limiter.js";
import { silentLogger } from "../../../src/core/ports.js";
import type { Scope } from "../../../src/core/question.js";
import { toolCatalogue, toolParametersSchema } from "../../../src/core/tools/catalogue.js";
import { secretCanaries } from "../../../src/demo/sample/canaries.js";
import { createMcpServer, type McpServerDeps } from "../../../src/frontends/mcp/mcp-server.js";
import { startTestStack, type TestStack } from "../../helpers/answer-service.js";

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack.close();
});

/** An SDK client connected in memory to a K8Helper MCP server on the real pipeline. */
async function connect(extra: Partial<McpServerDeps> = {}): Promise<Client> {
  const server = createMcpServer({
    answers: stack.answers,
    logger: silentLogger,
    caller: "test",
    version: "0.1.0",
    ...extra,
  });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: "k8helper-test", version: "1.0.0" });
  await client.connect(clientSide);
  return client;
}

async function call(
  client: Client,
  name: string,
  args: Record<string, unknown>,
): Promise<CallToolResult & { text: string }> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const text = result.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");
  return { ...result, text };
}

function nonGetRequests() {
  return stack.cluster.requests.filter((r) => r.method !== "GET");
}

describe("the MCP server", () => {
  it("lists the catalogue's tools, read-only, with the schemas derived from their zod arguments", async () => {
    const client = await connect();
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(toolCatalogue.map((t) => t.name));
    expect(tools).toHaveLength(10);
    for (const tool of tools) {
      const definition = toolCatalogue.find((t) => t.name === tool.name)!;
      expect(tool.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
      expect(tool.description).toBe(definition.description);
      expect(tool.inputSchema).toEqual({ ...toolParametersSchema(definition), type: "object" });
    }
    expect(tools.find((t) => t.name === "get_resources")?.inputSchema.required).toContain("kind");
    expect(client.getServerVersion()?.name).toBe("k8helper");
    await client.close();
  });

  it("answers get_resources with kubectl's table from the cluster, as text and structured parts", async () => {
    const client = await connect();
    const result = await call(client, "get_resources", { kind: "pods", namespace: "kube-system" });
    expect(result.isError).toBeUndefined();
    expect(result.text).toMatch(/NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE/);
    expect(result.text).toMatch(/coredns-\S+\s+1\/1\s+Running/);
    const structured = result.structuredContent as {
      parts: { type: string; rows: unknown[][] }[];
      cluster: string;
    };
    expect(structured.parts[0].type).toBe("table");
    expect(structured.parts[0].rows.length).toBeGreaterThan(0);
    expect(structured.cluster).toBe(stack.cluster.contextName);
    await client.close();
  });

  it("refuses Secrets and tools outside the catalogue, and sends the cluster nothing for them", async () => {
    const client = await connect();
    const before = stack.cluster.requests.length;
    const secrets = await call(client, "get_resources", { kind: "secrets", namespace: "payments" });
    expect(secrets.isError).toBe(true);
    expect(secrets.text).toMatch(/secret/i);
    const deletion = await call(client, "delete_pod", { name: "coredns", namespace: "kube-system" });
    expect(deletion.isError).toBe(true);
    expect(deletion.text).toContain("not one of K8Helper's read-only tools");
    const touched = stack.cluster.requests.slice(before);
    expect(touched.filter((r) => /secrets/.test(r.path))).toEqual([]);
    expect(nonGetRequests()).toEqual([]);
    await client.close();
  });

  it("reports invalid arguments as a tool error, not a protocol failure", async () => {
    const client = await connect();
    const result = await call(client, "get_pod_logs", { namespace: "default", tail_lines: "many" });
    expect(result.isError).toBe(true);
    expect(result.text).toMatch(/name|tail_lines/);
    await client.close();
  });

  it("keeps a scoped caller inside its namespaces", async () => {
    const scope: Scope = { namespaces: ["shop"], defaultNamespace: "shop" };
    const client = await connect({ scope });
    const outside = await call(client, "get_resources", { kind: "pods", namespace: "kube-system" });
    expect(outside.isError).toBe(true);
    expect(outside.text).toMatch(/shop/);
    const inside = await call(client, "get_resources", { kind: "pods" });
    expect(inside.isError).toBeUndefined();
    await client.close();
  });

  it("redacts secret-looking values in manifests and logs", async () => {
    const client = await connect();
    const manifest = await call(client, "get_manifest", {
      kind: "deployments",
      name: "payments-api",
      namespace: "payments",
    });
    const logs = await call(client, "get_pod_logs", { name: "payments-api", namespace: "payments" });
    expect(manifest.isError).toBeUndefined();
    expect(manifest.text).toContain("payments-api");
    for (const output of [manifest, logs]) {
      const everything = output.text + JSON.stringify(output.structuredContent);
      for (const canary of secretCanaries) expect(everything).not.toContain(canary);
    }
    await client.close();
  });

  it("limits tool calls per caller", async () => {
    const client = await connect({
      caller: "busy-agent",
      limit: { limiter: createMemoryRateLimiter(), perMinute: 2 },
    });
    expect((await call(client, "cluster_overview", {})).isError).toBeUndefined();
    expect((await call(client, "cluster_overview", {})).isError).toBeUndefined();
    const third = await call(client, "cluster_overview", {});
    expect(third.isError).toBe(true);
    expect(third.text).toMatch(/Too many calls: at most 2 a minute/);
    await client.close();
  });
});
