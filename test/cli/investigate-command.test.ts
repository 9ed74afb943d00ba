import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SimulatedCluster, startSimulatedCluster } from "../../src/demo/cluster-server.js";

const run = promisify(execFile);
let cluster: SimulatedCluster;

beforeAll(async () => {
  cluster = await startSimulatedCluster();
});
afterAll(async () => cluster?.close());

const env = () => ({ PATH: process.env.PATH ?? "", KUBECONFIG: cluster.kubeconfigPath, LOG_LEVEL: "silent" });

describe("k8helper investigate --alert", () => {
  it("prints the investigation of each firing alert", async () => {
    const { stdout } = await run(
      process.execPath,
      ["dist/cli.js", "investigate", "--alert", "test/fixtures/alerts/crashloop-webhook.json"],
      { env: env() },
    );
    expect(stdout).toContain("== KubePodCrashLooping: pod shop/checkout-26l478mgff-5bj6r");
    expect(stdout).toContain("CrashLoopBackOff");
  });

  it("prints JSON for bridges", async () => {
    const { stdout } = await run(
      process.execPath,
      ["dist/cli.js", "investigate", "--json", "--alert", "test/fixtures/alerts/crashloop-webhook.json"],
      { env: env() },
    );
    const [investigation] = JSON.parse(stdout);
    expect(investigation.alertname).toBe("KubePodCrashLooping");
    expect(investigation.answer.calls.map((c: { tool: string }) => c.tool)).toContain("diagnose");
  });

  it("says plainly what is wrong with a payload that is not Alertmanager's", async () => {
    const failed = run(process.execPath, ["dist/cli.js", "investigate", "--alert", "package.json"], {
      env: env(),
    });
    await expect(failed).rejects.toMatchObject({
      stderr: expect.stringContaining("not an Alertmanager webhook payload"),
    });
  });
});
