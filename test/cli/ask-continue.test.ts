import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SimulatedCluster, startSimulatedCluster } from "../../src/demo/cluster-server.js";

const run = promisify(execFile);
let cluster: SimulatedCluster;
let stateHome: string;
beforeAll(async () => {
  cluster = await startSimulatedCluster();
  stateHome = mkdtempSync(join(tmpdir(), "k8h-state-"));
});
afterAll(async () => {
  await cluster?.close();
  rmSync(stateHome, { recursive: true, force: true });
});

/** `k8helper ask` as a user runs it, one process per question, with its state under XDG_STATE_HOME. */
async function ask(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, ["--import", "tsx", "src/cli.ts", "ask", ...args], {
    env: {
      PATH: process.env.PATH,
      HOME: stateHome,
      XDG_STATE_HOME: stateHome,
      KUBECONFIG: cluster.kubeconfigPath,
      LOG_LEVEL: "silent",
    },
    timeout: 120_000,
  });
  return stdout;
}

// Each question is a new process (start-up dominates): generous timeouts on a shared machine.
describe("k8helper ask --continue", { timeout: 240_000 }, () => {
  it("continues this directory's last conversation across processes, and says what it assumed", async () => {
    await ask("why is checkout crashing in shop");
    expect(existsSync(join(stateHome, "k8helper", "conversations.json"))).toBe(true);
    const before = cluster.requests.length;
    const followUp = await ask("--continue", "show me its logs");
    expect(followUp).toContain("Read as a follow-up");
    const reads = cluster.requests.slice(before);
    expect(reads.some((r) => /\/namespaces\/shop\/pods\/checkout-[^/]+\/log$/.test(r.path))).toBe(true);
  });

  it("without --continue a question starts a new conversation", async () => {
    await ask("why is checkout crashing in shop");
    const alone = await ask("show me its logs");
    expect(alone).not.toContain("Read as a follow-up");
  });
});
