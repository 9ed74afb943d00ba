import { request as httpRequest } from "node:http";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/ports.js";
import { createHttpServer, type RunningHttpServer } from "../../src/frontends/http/server.js";
import { mountMcpHttp } from "../../src/frontends/mcp/mcp-http.js";
import { startTestStack, type TestStack } from "../helpers/answer-service.js";

let stack: TestStack;
const servers: RunningHttpServer[] = [];

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  for (const server of servers) await server.close();
  await stack.close();
});

/** The real HTTP server with /mcp mounted the way `k8helper serve` mounts it. */
async function serve(apiToken?: string): Promise<string> {
  const { container } = stack;
  const running = await createHttpServer({
    answers: stack.answers,
    settings: { ...container.config.server, port: 0, host: "127.0.0.1", apiToken },
    rateLimiter: container.rateLimiter,
    limits: { userPerMinute: 1000 },
    readiness: () => container.readiness(),
    metrics: container.metrics.registry,
    logger: silentLogger,
    mount: [
      (app) =>
        mountMcpHttp(app, {
          answers: stack.answers,
          logger: silentLogger,
          version: "0.1.0",
          apiToken,
          allowRemote: false,
        }),
    ],
  }).listen();
  servers.push(running);
  return running.url;
}

async function connect(url: string, headers: Record<string, string> = {}): Promise<Client> {
  const client = new Client({ name: "k8helper-http-test", version: "1.0.0" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(`${url}/mcp`), { requestInit: { headers } }),
  );
  return client;
}

function postWithHost(url: string, host: string, body: string): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, {
      method: "POST",
      headers: {
        Host: host,
        "Content-Type": "application/json",
        Accept: "application/json, text/event-stream",
      },
    });
    request.on("response", (response) => {
      response.resume();
      resolve({ status: response.statusCode ?? 0 });
    });
    request.on("error", reject);
    request.end(body);
  });
}

describe("/mcp over streamable HTTP", () => {
  it("lists the tools and answers get_resources with a table from the simulated cluster", async () => {
    const client = await connect(await serve());
    const { tools } = await client.listTools();
    expect(tools).toHaveLength(10);
    expect(tools.every((tool) => tool.annotations?.readOnlyHint === true)).toBe(true);
    const result = (await client.callTool({
      name: "get_resources",
      arguments: { kind: "nodes" },
    })) as CallToolResult;
    expect(result.isError).toBeUndefined();
    const text = result.content.map((c) => (c.type === "text" ? c.text : "")).join("");
    expect(text).toMatch(/NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION/);
    await client.close();
  });

  it("refuses a request for Secrets as a tool error", async () => {
    const client = await connect(await serve());
    const result = (await client.callTool({
      name: "get_manifest",
      arguments: { kind: "secrets", name: "payments-db", namespace: "payments" },
    })) as CallToolResult;
    expect(result.isError).toBe(true);
    expect(stack.cluster.requests.filter((r) => r.path.includes("/secrets"))).toEqual([]);
    await client.close();
  });

  it("needs the API token when one is set", async () => {
    const url = await serve("mcp-test-token");
    await expect(connect(url)).rejects.toThrow(/401|Unauthorized|unauthorized/);
    const client = await connect(url, { Authorization: "Bearer mcp-test-token" });
    expect((await client.listTools()).tools).toHaveLength(10);
    await client.close();
  });

  it("rejects a foreign Host without a token (DNS rebinding) and explains GET", async () => {
    const url = await serve();
    const initialize = {
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "x", version: "1" } },
    };
    // fetch() never sends a Host of our choosing (a forbidden header), so this goes through node:http.
    const foreign = await postWithHost(`${url}/mcp`, "attacker.example", JSON.stringify(initialize));
    expect(foreign.status).toBe(403);
    const get = await fetch(`${url}/mcp`);
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
  });
});
