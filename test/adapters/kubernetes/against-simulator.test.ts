import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClusterSet } from "../../../src/adapters/kubernetes/cluster-set.js";
import type { Cluster, ResourceType } from "../../../src/core/ports.js";
import { type SimulatedCluster, startSimulatedCluster } from "../../../src/demo/cluster-server.js";
import { podType, widgetType } from "../../fixtures/resource-types.js";

const nodeMetricsType: ResourceType = {
  plural: "nodes",
  singular: "nodemetrics",
  kind: "NodeMetrics",
  shortNames: [],
  group: "metrics.k8s.io",
  version: "v1beta1",
  namespaced: false,
  verbs: ["get", "list"],
};

let simulated: SimulatedCluster;
let cluster: Cluster;

beforeAll(async () => {
  simulated = await startSimulatedCluster({ seed: 1 });
  cluster = createClusterSet({ kubeconfig: simulated.kubeconfigPath, requestTimeoutMs: 10_000 }).get();
});

afterAll(async () => {
  await simulated?.close();
});

function requestsDuring<T>(action: () => Promise<T>): Promise<{ result: T; paths: string[] }> {
  const before = simulated.requests.length;
  return action().then((result) => ({
    result,
    paths: simulated.requests
      .slice(before)
      .map((r) => r.path + (r.query.limit ? `?limit=${r.query.limit}` : "")),
  }));
}

describe("the adapter against the strict simulated cluster", () => {
  it("discovers every type from the aggregated /api and /apis: two requests, core group first", async () => {
    const { result: types, paths } = await requestsDuring(() => cluster.resourceTypes());
    expect(paths.sort()).toEqual(["/api", "/apis"]);
    expect(types[0].group).toBe("");
    const events = types.filter((type) => type.plural === "events");
    expect(events.map((type) => type.group)).toEqual(["", "events.k8s.io"]);
    expect(types.find((type) => type.plural === "deployments")).toMatchObject({
      group: "apps",
      version: "v1",
      kind: "Deployment",
      namespaced: true,
      shortNames: ["deploy"],
    });
    expect(types.some((type) => type.plural.includes("/"))).toBe(false);
  });

  it("puts kind/apiVersion back on list items, which the server sends without them", async () => {
    const pods = await cluster.list(podType, { namespace: "shop" });
    expect(pods.length).toBeGreaterThan(0);
    for (const pod of pods) expect(pod).toMatchObject({ apiVersion: "v1", kind: "Pod" });
    const widgets = await cluster.list(widgetType, {});
    expect(widgets[0]).toMatchObject({ apiVersion: "example.com/v1", kind: "Widget" });
  });

  it("falls back to names and creation times for a resource that prints no Table", async () => {
    const table = await cluster.listTable(nodeMetricsType, {});
    expect(table.columns.map((column) => column.name)).toEqual(["Name", "Created At"]);
    expect(table.rows.map((row) => row.name)).toContain("demo-worker-1");
  });

  it("reads an exact name as one object's Table row; a prefix lists the collection", async () => {
    const all = await cluster.listTable(podType, { namespace: "shop" });
    const name = all.rows[0].name;
    const exact = await requestsDuring(() => cluster.listTable(podType, { namespace: "shop", name }));
    expect(exact.paths).toEqual([`/api/v1/namespaces/shop/pods/${name}`]);
    expect(exact.result.rows.map((row) => row.name)).toEqual([name]);
    expect(exact.result.columns).toEqual(all.columns);
    const prefix = name.slice(0, 3);
    const listed = await requestsDuring(() =>
      cluster.listTable(podType, { namespace: "shop", name: prefix }),
    );
    expect(listed.paths).toEqual([
      `/api/v1/namespaces/shop/pods/${prefix}`,
      "/api/v1/namespaces/shop/pods?limit=500",
    ]);
    expect(listed.result.rows).toEqual(all.rows);
  });

  it("passes limitBytes to the log read, so the server stops early", async () => {
    const pods = await cluster.list(podType, { namespace: "shop" });
    const running = pods.find((pod) => (pod as { status?: { phase?: string } }).status?.phase === "Running")!;
    const whole = await cluster.podLogs({ name: running.metadata.name, namespace: "shop", tailLines: 100 });
    expect(whole.length).toBeGreaterThan(20);
    const { result: cut } = await requestsDuring(() =>
      cluster.podLogs({ name: running.metadata.name, namespace: "shop", tailLines: 100, limitBytes: 20 }),
    );
    expect(cut).toBe(whole.slice(0, 20));
    expect(simulated.requests.at(-1)?.query.limitBytes).toBe("20");
  });
});
