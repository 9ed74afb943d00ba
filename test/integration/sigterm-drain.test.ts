import { type ChildProcess, spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SimulatedCluster, startSimulatedCluster } from "../../src/demo/cluster-server.js";
import { eventually } from "../helpers/eventually.js";

let cluster: SimulatedCluster;
let child: ChildProcess | undefined;

beforeAll(async () => {
  cluster = await startSimulatedCluster({ seed: 1 });
});

afterAll(async () => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  await cluster?.close();
});

describe("k8helper serve on SIGTERM", () => {
  it("finishes the answer being computed, then exits 0 (well within the chart's grace period)", async () => {
    child = spawn(process.execPath, ["dist/cli.js", "serve", "--kubeconfig", cluster.kubeconfigPath], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", PORT: "0", LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child!.on("exit", (code) => resolve(code)));
    const url = await eventually(() => output.match(/K8Helper is serving on (http:\/\/\S+)/)?.[1], 60_000);
    // The pod list answers slowly, so SIGTERM arrives while the answer is being computed.
    cluster.faults.set({ latencyMs: 1_500, pathPattern: /\/namespaces\/shop\/pods/ });
    const before = cluster.requests.length;
    const answer = fetch(`${url}/api/v1/query`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ query: "list pods in namespace shop" }),
    });
    await eventually(
      () => cluster.requests.slice(before).some((r) => r.path === "/api/v1/namespaces/shop/pods"),
      60_000,
    );
    child.kill("SIGTERM");
    const response = await answer;
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.error ?? null).toBeNull();
    expect(body.calls[0]).toMatchObject({ tool: "get_resources", ok: true });
    expect(await exited).toBe(0);
    expect(output).toContain("SIGTERM: finishing requests in flight");
    await expect(fetch(`${url}/api/v1/health`)).rejects.toThrow();
  }, 120_000); // a whole server process starts: minutes on a machine running two suites at once
});
