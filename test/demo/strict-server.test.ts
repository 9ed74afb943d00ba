import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { CoreV1Api, EventsV1Api, KubeConfig } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KubeObject } from "../../src/core/ports.js";
import { type SimulatedCluster, startSimulatedCluster } from "../../src/demo/cluster-server.js";
import { rawRequest } from "./raw-request.js";

const run = promisify(execFile);
const seriesNamespace = "strict-series";
const observed = new Date(Date.now() - 30 * 60_000).toISOString();

/** An event as the scheduler records it through events.k8s.io: a series, no legacy timestamps. */
const seriesEvent: KubeObject = {
  apiVersion: "v1",
  kind: "Event",
  metadata: { name: "pending.17f0", namespace: seriesNamespace, creationTimestamp: observed },
  involvedObject: { kind: "Pod", name: "pending", namespace: seriesNamespace, apiVersion: "v1" },
  reason: "FailedScheduling",
  message: "0/4 nodes are available: 4 Insufficient cpu.",
  type: "Warning",
  source: {},
  eventTime: new Date(Date.now() - 3 * 3_600_000).toISOString(),
  firstTimestamp: null,
  lastTimestamp: null,
  series: { count: 7, lastObservedTime: observed },
  reportingComponent: "default-scheduler",
  reportingInstance: "default-scheduler-demo-control-plane",
  action: "Scheduling",
} as KubeObject;

let cluster: SimulatedCluster;
let other: SimulatedCluster;
let core: CoreV1Api;
let cacheDir: string;

beforeAll(async () => {
  [cluster, other] = await Promise.all([
    startSimulatedCluster({ seed: 1, extraObjects: [seriesEvent] }),
    startSimulatedCluster({ seed: 1 }),
  ]);
  const kc = new KubeConfig();
  kc.loadFromFile(cluster.kubeconfigPath);
  core = kc.makeApiClient(CoreV1Api);
  cacheDir = mkdtempSync(join(tmpdir(), "kubectl-cache-"));
});

afterAll(async () => {
  await Promise.all([cluster?.close(), other?.close()]);
});

async function kubectl(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      "kubectl",
      ["--kubeconfig", cluster.kubeconfigPath, "--cache-dir", cacheDir, ...args],
      { timeout: 20_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function clientFailure(
  promise: Promise<unknown>,
): Promise<{ code: number; body: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { code: number; body: unknown };
    return { code: e.code, body: typeof e.body === "string" ? JSON.parse(e.body) : (e.body as never) };
  }
  throw new Error("expected the request to fail");
}

describe("list items as kube-apiserver encodes them", () => {
  it("a built-in type's items carry no kind/apiVersion; a custom resource's keep theirs", async () => {
    const raw = JSON.parse((await kubectl("get", "--raw", "/api/v1/namespaces/shop/pods")).stdout);
    expect(raw).toMatchObject({ kind: "PodList", apiVersion: "v1" });
    expect(raw.items.length).toBeGreaterThan(0);
    for (const item of raw.items) {
      expect(item).not.toHaveProperty("kind");
      expect(item).not.toHaveProperty("apiVersion");
    }
    const widgets = JSON.parse((await kubectl("get", "--raw", "/apis/example.com/v1/widgets")).stdout);
    expect(widgets.items[0]).toMatchObject({ apiVersion: "example.com/v1", kind: "Widget" });
    const one = JSON.parse(
      (await kubectl("get", "--raw", `/api/v1/namespaces/shop/pods/${raw.items[0].metadata.name}`)).stdout,
    );
    expect(one).toMatchObject({ kind: "Pod", apiVersion: "v1" });
  });

  it("kubectl and client-node read the lists all the same", async () => {
    const shown = JSON.parse((await kubectl("get", "pods", "-n", "shop", "-o", "json")).stdout);
    expect(shown.items[0]).toMatchObject({ kind: "Pod", apiVersion: "v1" });
    const pods = await core.listNamespacedPod({ namespace: "shop" });
    expect(pods.items.length).toBe(shown.items.length);
    expect(pods.items[0].kind).toBeUndefined();
    expect(pods.items.map((p) => p.metadata?.name)).toEqual(
      shown.items.map((p: KubeObject) => p.metadata.name),
    );
  });
});

describe("continue tokens", () => {
  it("an unreadable token is 400 invalid continue token (kubectl and client-node)", async () => {
    const cli = await kubectl("get", "--raw", "/api/v1/pods?limit=5&continue=bm90LWEtdG9rZW4");
    expect(cli.code).not.toBe(0);
    expect(cli.stderr).toContain("invalid continue token");
    const failure = await clientFailure(core.listPodForAllNamespaces({ limit: 5, _continue: "%%%" }));
    expect(failure.code).toBe(400);
    expect(failure.body).toMatchObject({ reason: "BadRequest" });
  });

  it("another server's token has expired: 410 with metadata.continue, which reads the rest", async () => {
    const kc = new KubeConfig();
    kc.loadFromFile(other.kubeconfigPath);
    const first = await kc.makeApiClient(CoreV1Api).listPodForAllNamespaces({ limit: 5 });
    const stale = first.metadata!._continue!;
    const failure = await clientFailure(core.listPodForAllNamespaces({ limit: 5, _continue: stale }));
    expect(failure.code).toBe(410);
    expect(failure.body).toMatchObject({ kind: "Status", reason: "Expired", code: 410 });
    const inconsistent = (failure.body.metadata as { continue?: string }).continue!;
    expect(inconsistent).toEqual(expect.any(String));
    const rest = await core.listPodForAllNamespaces({ limit: 500, _continue: inconsistent });
    const all = await core.listPodForAllNamespaces();
    expect([...first.items, ...rest.items].map((p) => p.metadata?.uid)).toEqual(
      all.items.map((p) => p.metadata?.uid),
    );
    const cli = await kubectl("get", "--raw", `/api/v1/pods?limit=5&continue=${stale}`);
    expect(cli.code).not.toBe(0);
    expect(cli.stderr).toMatch(/too old to display a consistent list result/);
  });
});

describe("Table negotiation", () => {
  const tableOnly = "application/json;as=Table;v=v1;g=meta.k8s.io";

  it("a resource that prints no Table is 406 for Table alone, a plain list with kubectl's fallback", async () => {
    const refused = await rawRequest(cluster.kubeconfigPath, "/apis/metrics.k8s.io/v1beta1/nodes", {
      accept: tableOnly,
    });
    expect(refused.status).toBe(406);
    expect(refused.json()).toMatchObject({ kind: "Status", reason: "NotAcceptable", code: 406 });
    const printed = await rawRequest(cluster.kubeconfigPath, "/api/v1/nodes", { accept: tableOnly });
    expect(printed.json().kind).toBe("Table");
    const cli = await kubectl("get", "nodes.metrics.k8s.io");
    expect(cli.code).toBe(0);
    expect(cli.stdout).toMatch(/^NAME\b/);
    expect(cli.stdout).toContain("demo-worker-1");
  });

  it("an Accept the server cannot serve at all is 406 (client-node's typed read still gets JSON)", async () => {
    const refused = await rawRequest(cluster.kubeconfigPath, "/api/v1/nodes", { accept: "text/csv" });
    expect(refused.status).toBe(406);
    const nodes = await core.listNode();
    expect(nodes.items.length).toBeGreaterThan(0);
  });
});

describe("events recorded through events.k8s.io", () => {
  it("both APIs carry the series and null legacy timestamps; kubectl counts the series", async () => {
    const rawCore = JSON.parse(
      (await kubectl("get", "--raw", `/api/v1/namespaces/${seriesNamespace}/events`)).stdout,
    );
    expect(rawCore.items[0]).toMatchObject({
      lastTimestamp: null,
      firstTimestamp: null,
      series: { count: 7 },
    });
    const rawV1 = JSON.parse(
      (await kubectl("get", "--raw", `/apis/events.k8s.io/v1/namespaces/${seriesNamespace}/events`)).stdout,
    );
    expect(rawV1.items[0]).toMatchObject({ deprecatedLastTimestamp: null, series: { count: 7 } });
    expect(rawV1.items[0]).not.toHaveProperty("deprecatedCount");
    const kc = new KubeConfig();
    kc.loadFromFile(cluster.kubeconfigPath);
    const v1 = await kc.makeApiClient(EventsV1Api).listNamespacedEvent({ namespace: seriesNamespace });
    expect(v1.items[0].series?.count).toBe(7);
    expect(v1.items[0].reportingController).toBe("default-scheduler");
    const coreEvents = await core.listNamespacedEvent({ namespace: seriesNamespace });
    expect(coreEvents.items[0].series?.count).toBe(7);
    const wide = await kubectl("get", "events", "-n", seriesNamespace, "-o", "wide");
    const line = wide.stdout.split("\n").find((l) => l.includes("FailedScheduling"))!;
    // Last seen at the series' last observation (30 minutes ago), first seen at its eventTime (3 hours ago).
    expect(line).toMatch(/^3[01]m\s/);
    expect(line).toMatch(/\s3h\s+7\s+pending\.17f0\s*$/);
    expect(line).toContain("default-scheduler");
  });
});

describe("aggregated discovery", () => {
  const aggregated = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

  it("serves /api and /apis as APIGroupDiscoveryList when asked, the legacy documents otherwise", async () => {
    const apis = await rawRequest(cluster.kubeconfigPath, "/apis", {
      accept: `${aggregated},application/json`,
    });
    expect(apis.contentType).toBe(`${aggregated}`);
    const groups = apis.json();
    expect(groups.kind).toBe("APIGroupDiscoveryList");
    const apps = groups.items.find((g: { metadata: { name: string } }) => g.metadata.name === "apps");
    expect(apps.versions[0].resources.map((r: { resource: string }) => r.resource)).toContain("deployments");
    const coreGroup = (await rawRequest(cluster.kubeconfigPath, "/api", { accept: aggregated })).json();
    const pods = coreGroup.items[0].versions[0].resources.find(
      (r: { resource: string }) => r.resource === "pods",
    );
    expect(pods).toMatchObject({
      scope: "Namespaced",
      responseKind: { kind: "Pod" },
      subresources: [{ subresource: "log" }],
    });
    expect((await rawRequest(cluster.kubeconfigPath, "/apis")).json().kind).toBe("APIGroupList");
  });

  it("kubectl discovers everything from /api and /apis alone; client-node's legacy reads still work", async () => {
    const fresh = mkdtempSync(join(tmpdir(), "kubectl-cache-"));
    const before = cluster.requests.length;
    const { stdout } = await run("kubectl", [
      "--kubeconfig",
      cluster.kubeconfigPath,
      "--cache-dir",
      fresh,
      "api-resources",
    ]);
    expect(stdout).toMatch(/^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment$/m);
    const paths = cluster.requests.slice(before).map((r) => r.path);
    expect(paths.filter((p) => /^\/apis?\/[^/]+/.test(p))).toEqual([]);
    expect(paths).toEqual(expect.arrayContaining(["/api", "/apis"]));
    expect(paths.every((p) => ["/api", "/apis", "/version"].includes(p))).toBe(true);
    const kc = new KubeConfig();
    kc.loadFromFile(cluster.kubeconfigPath);
    const resources = await core.getAPIResources();
    expect(resources.resources.map((r) => r.name)).toContain("pods");
  });
});
