import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer, TablePart } from "../../src/core/answer.js";
import { type SimulatedCluster, startSimulatedCluster } from "../../src/demo/cluster-server.js";

const run = promisify(execFile);

/** `k8helper run` spawned as a user would (async: the simulated cluster lives in this process). */
async function k8helper(cluster: SimulatedCluster, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["dist/cli.js", ...args], {
      env: { PATH: process.env.PATH, KUBECONFIG: cluster.kubeconfigPath, LOG_LEVEL: "silent" },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("k8helper run", () => {
  let cluster: SimulatedCluster;
  beforeAll(async () => {
    cluster = await startSimulatedCluster();
  });
  afterAll(async () => {
    await cluster.close();
  });

  it("runs one tool through the pipeline and prints the Answer with --json", async () => {
    const result = await k8helper(cluster, "run", "get_resources", "kind=deploy", "namespace=shop", "--json");
    expect(result.code).toBe(0);
    const answer = JSON.parse(result.stdout) as Answer;
    expect(answer.calls).toMatchObject([{ tool: "get_resources", ok: true, args: { kind: "deployments" } }]);
    expect((answer.parts[0] as TablePart).rows.map((row) => row[0])).toContain("checkout");
    expect(answer.summary).toMatch(/deployments in shop/);
  });

  it("prints aligned tables without --json", async () => {
    const result = await k8helper(cluster, "run", "get_resources", "kind=nodes");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/NAME\s+STATUS\s+ROLES/);
  });

  it("refuses Secrets without asking the cluster, and rejects unknown tools and arguments", async () => {
    const before = cluster.requests.length;
    const secrets = await k8helper(cluster, "run", "get_resources", "kind=secrets", "namespace=payments");
    expect(secrets.code).toBe(3); // refused (README: exit codes)
    expect(secrets.stdout).toMatch(/never reads Secrets/);
    expect(cluster.requests.slice(before).filter((request) => /secrets/.test(request.path))).toEqual([]);

    const unknown = await k8helper(cluster, "run", "delete_pod", "name=x");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown tool "delete_pod"/);
    const badArgument = await k8helper(cluster, "run", "get_resources", "kind=pods", "verb=delete");
    expect(badArgument.code).toBe(2);
    expect(badArgument.stderr).toMatch(/no argument "verb"/);
  });
});
