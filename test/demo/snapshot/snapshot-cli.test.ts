import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeBundleFolder } from "../../fixtures/support-bundle.js";
import { freePort } from "../../helpers/free-port.js";

const run = promisify(execFile);
let bundle: string;
const env = { PATH: process.env.PATH ?? "", HOME: tmpdir(), LOG_LEVEL: "silent" };
const children: ChildProcess[] = [];

beforeAll(() => {
  bundle = writeBundleFolder(mkdtempSync(join(tmpdir(), "snapshot-cli-")));
});
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
});

describe("--snapshot through the real binary", () => {
  it("ask answers about the snapshot and says when it was taken", async () => {
    const { stdout, stderr } = await run(
      process.execPath,
      ["dist/cli.js", "ask", "--snapshot", bundle, "why is api crashing in namespace orders?"],
      { env },
    );
    expect(stderr).toContain("(troubleshoot.sh support bundle), snapshot taken 2025-03-04 10:22 UTC");
    expect(stdout).toContain("CrashLoopBackOff");
    expect(stdout).toContain("note: snapshot taken 2025-03-04 10:22 UTC");
  });

  it("ask refuses --snapshot with --kubeconfig, and a snapshot it cannot load, with the file named", async () => {
    const both = run(
      process.execPath,
      ["dist/cli.js", "ask", "--snapshot", bundle, "--kubeconfig", "/x", "pods"],
      { env },
    );
    await expect(both).rejects.toMatchObject({
      stderr: expect.stringContaining("--snapshot serves its own cluster"),
    });
    const missing = run(process.execPath, ["dist/cli.js", "ask", "--snapshot", "/nonexistent/dump", "pods"], {
      env,
    });
    await expect(missing).rejects.toMatchObject({
      stderr: expect.stringContaining("cannot load the snapshot: /nonexistent/dump: no such file or folder"),
    });
  });

  it("demo-cluster serves the snapshot to kubectl", async () => {
    const kubeconfig = join(mkdtempSync(join(tmpdir(), "snapshot-kc-")), "config");
    const child = spawn(
      process.execPath,
      ["dist/cli.js", "demo-cluster", "--snapshot", bundle, "--kubeconfig-out", kubeconfig],
      { env },
    );
    children.push(child);
    let output = "";
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("Ctrl-C stops it.")) resolve();
      });
      child.on("exit", (code) => reject(new Error(`demo-cluster exited ${code}: ${output}`)));
    });
    expect(output).toContain("snapshot taken 2025-03-04 10:22 UTC");
    const { stdout } = await run("kubectl", ["--kubeconfig", kubeconfig, "get", "deploy", "-A"]);
    expect(stdout).toMatch(/orders\s+api\s+0\/1/);
    child.kill("SIGTERM");
  });

  it("serve answers REST queries about the snapshot", async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ["dist/cli.js", "serve", "--snapshot", bundle], {
      env: { ...env, PORT: String(port), LOG_LEVEL: "warn" },
    });
    children.push(child);
    let output = "";
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("K8Helper is serving on")) resolve();
      });
      child.on("exit", (code) => reject(new Error(`serve exited ${code}: ${output}`)));
    });
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/query`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ query: "pods in namespace orders" }),
    });
    const answer = (await response.json()) as { notes: string[]; parts: unknown[] };
    expect(answer.notes).toContain("snapshot taken 2025-03-04 10:22 UTC");
    expect(JSON.stringify(answer.parts)).toContain("api-6d9f7c8b5-x2x9q");
    child.kill("SIGTERM");
  });

  it("mcp answers tool calls about the snapshot", async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: ["dist/cli.js", "mcp", "--snapshot", bundle],
      env,
      stderr: "pipe",
    });
    const client = new Client({ name: "snapshot-test", version: "1.0.0" });
    await client.connect(transport);
    try {
      const result = (await client.callTool({
        name: "get_resources",
        arguments: { kind: "pods", namespace: "orders" },
      })) as CallToolResult;
      const text = result.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");
      expect(text).toContain("api-6d9f7c8b5-x2x9q");
      expect(text).toContain("snapshot taken 2025-03-04 10:22 UTC");
    } finally {
      await client.close();
    }
  });
});
