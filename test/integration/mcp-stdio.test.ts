import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SimulatedCluster, startSimulatedCluster } from "../../src/demo/cluster-server.js";

let cluster: SimulatedCluster;
let client: Client;
let stderr = "";

beforeAll(async () => {
  cluster = await startSimulatedCluster();
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: ["dist/cli.js", "mcp"],
    env: { PATH: process.env.PATH ?? "", KUBECONFIG: cluster.kubeconfigPath, LOG_LEVEL: "info" },
    stderr: "pipe",
  });
  transport.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  client = new Client({ name: "k8helper-stdio-test", version: "1.0.0" });
  await client.connect(transport);
});
afterAll(async () => {
  await client?.close();
  await cluster?.close();
});

function textOf(result: CallToolResult): string {
  return result.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");
}

describe("k8helper mcp (stdio)", () => {
  it("lists the ten read-only tools", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(
      [
        "cluster_overview",
        "describe_resource",
        "diagnose",
        "get_events",
        "get_manifest",
        "get_pod_logs",
        "get_resources",
        "recent_changes",
        "rollout_status",
        "top",
      ].sort(),
    );
    expect(
      tools.every((t) => t.annotations?.readOnlyHint === true && t.annotations?.destructiveHint === false),
    ).toBe(true);
  });

  it("answers get_resources with a table read from the simulated cluster", async () => {
    const result = (await client.callTool({
      name: "get_resources",
      arguments: { kind: "pods", namespace: "kube-system" },
    })) as CallToolResult;
    expect(result.isError).toBeUndefined();
    expect(textOf(result)).toMatch(/NAME\s+READY\s+STATUS/);
    expect(textOf(result)).toMatch(/coredns-/);
    expect(cluster.requests.some((r) => r.path === "/api/v1/namespaces/kube-system/pods")).toBe(true);
  });

  it("refuses to read Secrets and never asks the cluster for them", async () => {
    const result = (await client.callTool({
      name: "get_resources",
      arguments: { kind: "secrets", all_namespaces: true },
    })) as CallToolResult;
    expect(result.isError).toBe(true);
    expect(cluster.requests.filter((r) => r.path.includes("secrets"))).toEqual([]);
  });

  it("keeps standard output for the protocol: logs go to standard error as JSON lines", () => {
    const lines = stderr.split("\n").filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });
});
