import { execFile, spawn } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../src/core/answer.js";
import {
  type RecordedRequest,
  type SimulatedCluster,
  startSimulatedCluster,
} from "../../src/demo/cluster-server.js";

const run = promisify(execFile);

/** An admin-like kubeconfig: it may read Secrets and delete pods. K8Helper must still send neither. */
const BROAD_RULES = [
  { apiGroups: [""], resources: ["secrets"], verbs: ["get", "list"] },
  { apiGroups: [""], resources: ["pods"], verbs: ["get", "list", "delete"] },
];

async function k8helper(cluster: SimulatedCluster, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["dist/cli.js", ...args], {
      env: {
        ...process.env,
        KUBECONFIG: cluster.kubeconfigPath,
        LOG_LEVEL: "silent",
        K8HELPER_PLANNER: "builtin",
      },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Requests other than the identity reviews: what the command read. */
const reads = (requests: RecordedRequest[]) => requests.filter((request) => request.method === "GET");

// Each case spawns the CLI (twice for the warnings): on a loaded machine that takes longer than the default.
describe("ask, run and mcp check the identity like serve", { timeout: 120_000 }, () => {
  let broad: SimulatedCluster;
  let readOnly: SimulatedCluster;
  beforeAll(async () => {
    broad = await startSimulatedCluster({ extraReadRules: BROAD_RULES });
    readOnly = await startSimulatedCluster();
  });
  afterAll(async () => {
    await broad.close();
    await readOnly.close();
  });

  it.each([
    ["ask", ["ask", "pods in shop"]],
    ["run", ["run", "get_resources", "kind=pods", "namespace=shop"]],
  ])(
    "%s warns on standard error when the identity may write or read Secrets, and still answers",
    async (_, args) => {
      const broadRun = await k8helper(broad, ...args);
      expect(broadRun.code).toBe(0);
      expect(broadRun.stderr).toMatch(
        /WARNING: K8Helper's Kubernetes identity has more than read-only access/,
      );
      expect(broadRun.stderr).toMatch(/delete pods/);
      expect(broadRun.stderr).toMatch(/it may read Secrets/);
      expect(broadRun.stdout).toMatch(/checkout/);
      const quiet = await k8helper(readOnly, ...args);
      expect(quiet.code).toBe(0);
      expect(quiet.stderr).not.toMatch(/WARNING/);
    },
  );

  it("refuses in strict mode instead", async () => {
    const strict = await run(process.execPath, ["dist/cli.js", "run", "get_resources", "kind=nodes"], {
      env: {
        ...process.env,
        KUBECONFIG: broad.kubeconfigPath,
        LOG_LEVEL: "silent",
        K8HELPER_STRICT_RBAC: "true",
      },
    }).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(strict.code).toBe(2);
    expect(strict.stderr).toMatch(/Refusing to start/);
  });

  it("mcp warns on standard error, leaving standard output to the protocol", async () => {
    const child = spawn(process.execPath, ["dist/cli.js", "mcp"], {
      env: { ...process.env, KUBECONFIG: broad.kubeconfigPath, LOG_LEVEL: "silent" },
    });
    let stderr = "";
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    const warned = new Promise<void>((resolve) => {
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        if (/WARNING/.test(stderr)) resolve();
      });
    });
    await warned;
    child.stdin.end();
    await new Promise((resolve) => child.once("exit", resolve));
    expect(stderr).toMatch(/it may read Secrets/);
    expect(stdout).toBe("");
  });

  it.each([
    [
      "a configmap read that is a Secret path",
      ["kind=configmaps", "namespace=shop/secrets/checkout-db", "name=.."],
    ],
    ["a namespace named like a Secret path", ["kind=namespaces", "name=shop/secrets/checkout-db"]],
    ["a namespace named like another namespace's pods", ["kind=namespaces", "name=payments/pods"]],
    ["a dot-dot namespace", ["kind=pods", "namespace=..", "name=web"]],
    ["a dot name", ["kind=pods", "namespace=shop", "name=."]],
  ])("run refuses %s with bad_request and sends no read, even with an admin identity", async (_, args) => {
    const before = broad.requests.length;
    const result = await k8helper(broad, "run", "get_manifest", ...args, "--json");
    expect(result.code).toBe(2); // bad usage: a name no object can have (README: exit codes)
    const answer = JSON.parse(result.stdout) as Answer;
    expect(answer.calls).toMatchObject([{ ok: false, error: { code: "bad_request" } }]);
    expect(reads(broad.requests.slice(before))).toEqual([]);
  });
});
