import { execFile, execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { defaultDemoKubeconfig } from "../../src/cli/demo-kubeconfig.js";
import { startSimulatedCluster } from "../../src/demo/cluster-server.js";

const root = join(import.meta.dirname, "../..");
const readme = readFileSync(join(root, "README.md"), "utf8");
// A login shell sets USER; a container's or a cron job's often does not.
const { USER: _user, LOGNAME: _logname, ...withoutUser } = process.env;

describe("the README's command lines, as a new user pastes them", () => {
  it("name the demo's own kubeconfig, even in a shell without USER", () => {
    const paths = [...readme.matchAll(/\/tmp\/k8helper-demo-[^.\s]*(?:\(id -un\))?\.kubeconfig/g)].map(
      (match) => match[0],
    );
    expect(paths.length).toBeGreaterThanOrEqual(2);
    for (const path of paths) {
      const expanded = execFileSync("sh", ["-c", `printf %s ${path}`], {
        env: withoutUser,
        encoding: "utf8",
      });
      expect(expanded).toBe(`/tmp/${basename(defaultDemoKubeconfig())}`);
    }
  });

  // The dev set's names are no cluster's: with the demo's kubeconfig set, discovery would complete "worker-2" to
  // the demo's "demo-worker-2" and fail cases that pass without a cluster.
  it("score the dev set without asking whatever cluster KUBECONFIG names", { timeout: 60_000 }, async () => {
    const line = readme.match(/^npx k8helper (eval [^#\n]*?)\s*(?:#.*)?$/m);
    expect(line).not.toBeNull();
    const cluster = await startSimulatedCluster();
    try {
      const args = [...line![1].split(/\s+/), "--json"];
      // Asynchronously: the simulated cluster answers from this process.
      const result = await promisify(execFile)(process.execPath, ["dist/cli.js", ...args], {
        cwd: root,
        env: { ...process.env, KUBECONFIG: cluster.kubeconfigPath, OPENAI_API_KEY: "", HUNYUAN_API_KEY: "" },
        timeout: 50_000,
      });
      const report = JSON.parse(result.stdout);
      expect(report.overall.total).toBe(60);
      expect(report.overall.passed).toBeGreaterThanOrEqual(59);
      expect(cluster.requests).toEqual([]);
    } finally {
      await cluster.close();
    }
  });
});
