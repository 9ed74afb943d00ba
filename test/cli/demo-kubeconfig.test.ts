import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assertKubeconfigFree, defaultDemoKubeconfig } from "../../src/cli/demo-kubeconfig.js";
import { EXIT } from "../../src/cli/exit-codes.js";
import { startSimulatedCluster } from "../../src/demo/cluster-server.js";

describe("the demo's kubeconfig", () => {
  it("is one per user by default", () => {
    expect(defaultDemoKubeconfig()).toBe(join(tmpdir(), `k8helper-demo-${userInfo().username}.kubeconfig`));
  });

  it("is not overwritten while another process's cluster answers at it; a stale one is", async () => {
    const path = join(tmpdir(), `k8helper-live-${process.pid}.kubeconfig`);
    const cluster = await startSimulatedCluster({ kubeconfigOut: path });
    const before = readFileSync(path, "utf8");
    try {
      await expect(assertKubeconfigFree(path)).rejects.toThrow(
        /points at https:\/\/127\.0\.0\.1:\d+, a cluster another process is serving/,
      );
      // The real command, given the same file: refuses, says so once, leaves the file as it was.
      const run = spawnSync(process.execPath, ["dist/cli.js", "demo-cluster", "--kubeconfig-out", path], {
        encoding: "utf8",
        timeout: 20_000,
      });
      expect(run.status).toBe(EXIT.usage);
      expect(run.stderr).toContain("--kubeconfig-out FILE");
      expect(readFileSync(path, "utf8")).toBe(before);
    } finally {
      await cluster.close();
    }
    await expect(assertKubeconfigFree(path)).resolves.toBeUndefined();
  });
});
