import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SimulatedCluster, startSimulatedCluster } from "../../src/demo/cluster-server.js";
import { plantedFaults } from "../../src/demo/sample-data.js";

const run = promisify(execFile);
const kubectlBinary = "/usr/bin/kubectl";

let cluster: SimulatedCluster;
let cacheDir: string;

beforeAll(async () => {
  // Probed on purpose: these tests show the simulator refusing writes and Secrets to clients other than K8Helper.
  cluster = await startSimulatedCluster({ seed: 1, probedOnPurpose: true });
  cacheDir = mkdtempSync(join(tmpdir(), "kubectl-cache-"));
});

afterAll(async () => {
  await cluster?.close();
});

/** Runs the real kubectl against the simulated cluster (async: the server shares this process). */
async function kubectl(...args: string[]): Promise<string> {
  const { stdout } = await run(
    kubectlBinary,
    ["--kubeconfig", cluster.kubeconfigPath, "--cache-dir", cacheDir, ...args],
    {
      timeout: 20_000,
    },
  );
  return stdout;
}

function firstColumn(text: string, column = 0): string[] {
  return text
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.trim().split(/\s+/)[column]);
}

const fault = (reason: string) => plantedFaults.find((f) => f.reason === reason)!;

describe("the real kubectl 1.32 against the simulated cluster", () => {
  it("get pods -A lists every namespace's pods with kubectl's STATUS", async () => {
    const out = await kubectl("get", "pods", "-A");
    expect(out.split("\n")[0]).toMatch(/^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    const names = firstColumn(out, 1);
    for (const reason of ["CrashLoopBackOff", "ImagePullBackOff", "OOMKilled"]) {
      const line = out.split("\n").find((l) => l.includes(fault(reason).name));
      expect(line).toContain(reason);
    }
    expect(names.some((n) => n.startsWith("coredns-"))).toBe(true);
    expect(new Set(firstColumn(out))).toEqual(
      new Set([
        "batch",
        "data",
        "default",
        "edge",
        "kube-system",
        "monitoring",
        "payments",
        "shop",
        "warehouse",
      ]),
    );
  });

  it("get nodes shows the NotReady node", async () => {
    const out = await kubectl("get", "nodes");
    expect(firstColumn(out)).toEqual([
      "demo-control-plane",
      "demo-worker-1",
      "demo-worker-2",
      "demo-worker-3",
    ]);
    expect(out).toMatch(/demo-worker-3\s+NotReady/);
  });

  it("get deploy -n shop shows the deployment below its replicas", async () => {
    const out = await kubectl("get", "deploy", "-n", "shop");
    expect(firstColumn(out)).toEqual(["cart", "catalog", "checkout", "frontend", "recommendation"]);
    expect(out).toMatch(/checkout\s+2\/3\s+3\s+2\s/);
  });

  it("describe pod shows the crash loop, its last state and its events", async () => {
    const { name, namespace } = fault("CrashLoopBackOff");
    const out = await kubectl("describe", "pod", "-n", namespace!, name);
    expect(out).toContain(`Name:             ${name}`);
    expect(out).toMatch(/Reason:\s+CrashLoopBackOff/);
    expect(out).toMatch(/Restart Count:\s+14/);
    expect(out).toMatch(/Warning\s+BackOff\s+.*Back-off restarting failed container checkout/);
  });

  it("logs --previous prints the stack trace", async () => {
    const { name, namespace } = fault("CrashLoopBackOff");
    const out = await kubectl("logs", "-n", namespace!, name, "--previous");
    expect(out).toContain("TypeError: Cannot read properties of undefined");
    expect(out.trimEnd().endsWith("Node.js v20.18.1")).toBe(true);
  });

  it("top nodes reads metrics.k8s.io; the NotReady node has none", async () => {
    const out = await kubectl("top", "nodes");
    expect(out.split("\n")[0]).toMatch(/^NAME\s+CPU\(cores\)\s+CPU\(%\)\s+MEMORY\(bytes\)\s+MEMORY\(%\)/);
    expect(out).toMatch(/demo-worker-1\s+\d+m\s+\d+%/);
    expect(out).toMatch(/demo-worker-3\s+<unknown>/);
  });

  it("get widgets -A (and the short name wd) lists the custom resources", async () => {
    const out = await kubectl("get", "widgets", "-A");
    expect(firstColumn(out, 1)).toEqual(["sprocket", "gizmo-blue", "gizmo-red"]);
    expect(firstColumn(await kubectl("get", "wd", "-n", "shop"))).toEqual(["gizmo-blue", "gizmo-red"]);
  });

  it("auth can-i answers from the read-only rules (protobuf review bodies)", async () => {
    expect((await kubectl("auth", "can-i", "list", "pods", "-n", "shop")).trim()).toBe("yes");
    expect((await kubectl("auth", "can-i", "get", "pods", "--subresource=log", "-n", "shop")).trim()).toBe(
      "yes",
    );
    await expect(kubectl("auth", "can-i", "get", "secrets", "-n", "shop")).rejects.toMatchObject({
      stdout: "no\n",
    });
    await expect(kubectl("auth", "can-i", "delete", "pods")).rejects.toMatchObject({ stdout: "no\n" });
    const list = await kubectl("auth", "can-i", "--list", "-n", "shop");
    expect(list).toMatch(/^pods\s+\[\]\s+\[\]\s+\[get list\]$/m);
    expect(list).not.toContain("secrets");
  });

  it("is refused Secrets and every change (delete, scale, exec), and only reads ever succeed", async () => {
    await expect(kubectl("get", "secrets", "-n", "payments")).rejects.toThrow(
      /forbidden: User .* cannot list resource "secrets"/,
    );
    await expect(kubectl("delete", "pod", "-n", "shop", fault("CrashLoopBackOff").name)).rejects.toThrow(
      /cannot delete resource "pods"/,
    );
    await expect(kubectl("scale", "deploy", "checkout", "-n", "shop", "--replicas=0")).rejects.toThrow(
      /cannot patch resource "deployments\/scale"/,
    );
    await expect(kubectl("exec", "-n", "shop", "deploy/checkout", "--", "ls")).rejects.toThrow(/pods\/exec/);
    // Self-subject reviews (auth can-i) are the one kind of POST every user may make: they change nothing.
    const review = (path: string) => path.startsWith("/apis/authorization.k8s.io/v1/selfsubject");
    const refused = cluster.requests.filter(
      (r) =>
        (r.method !== "GET" && !review(r.path)) || r.path.includes("/secrets") || r.path.endsWith("/exec"),
    );
    expect(refused.map((r) => r.method)).toEqual(expect.arrayContaining(["DELETE", "PATCH"]));
    expect(refused.every((r) => r.status === 403)).toBe(true);
    expect(cluster.requests.filter((r) => r.status === 200).every((r) => r.method === "GET")).toBe(true);
    expect(cluster.requests.filter((r) => r.path.includes("/secrets")).every((r) => r.status === 403)).toBe(
      true,
    );
  });
});
