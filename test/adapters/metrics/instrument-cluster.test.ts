import type { Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { instrumentCluster, instrumentClusterSet } from "../../../src/adapters/metrics/instrument-cluster.js";
import { createPrometheusMetrics } from "../../../src/adapters/metrics/prometheus.js";
import { CodedError } from "../../../src/core/errors.js";
import type { Cluster, ClusterSet } from "../../../src/core/ports.js";
import { podType } from "../../fixtures/resource-types.js";

/** A Cluster port with canned answers: `get` of a missing name fails as the real adapter does. */
function cannedCluster(name: string): Cluster {
  return {
    name,
    resourceTypes: async () => [podType],
    listTable: async () => ({
      columns: [{ name: "Name", type: "string", priority: 0 }],
      rows: [{ cells: ["a"], name: "a" }],
    }),
    list: async () => [{ metadata: { name: "a" } }],
    get: async (_type, objectName) => {
      if (objectName === "missing") throw new CodedError("not_found", 'pods "missing" not found');
      return { metadata: { name: objectName } };
    },
    podLogs: async () => "line 1\n",
    nodeMetrics: async () => [],
    podMetrics: async () => {
      throw new Error("socket hang up");
    },
    version: async () => ({ gitVersion: "v1.32.0" }),
  };
}

async function requests(registry: Registry, labels: Record<string, string>): Promise<number> {
  const { values } = await registry.getSingleMetric("k8helper_cluster_requests_total")!.get();
  return values
    .filter((entry) => Object.entries(labels).every(([key, wanted]) => entry.labels[key] === wanted))
    .reduce((sum, entry) => sum + entry.value, 0);
}

describe("instrumentCluster", () => {
  it("passes results and errors through unchanged and counts each request by verb, resource and status", async () => {
    const metrics = createPrometheusMetrics();
    const cluster = instrumentCluster(cannedCluster("sim"), metrics);

    expect(cluster.name).toBe("sim");
    expect(await cluster.resourceTypes()).toEqual([podType]);
    expect((await cluster.listTable(podType, { namespace: "default" })).rows).toHaveLength(1);
    expect(await cluster.list(podType, {})).toEqual([{ metadata: { name: "a" } }]);
    expect(await cluster.podLogs({ name: "a", namespace: "default" })).toBe("line 1\n");
    await expect(cluster.get(podType, "missing", "default")).rejects.toMatchObject({ code: "not_found" });
    await expect(cluster.podMetrics()).rejects.toThrow("socket hang up");

    const { registry } = metrics;
    expect(await requests(registry, { cluster: "sim", verb: "list", resource: "pods", status: "ok" })).toBe(
      2,
    );
    expect(await requests(registry, { verb: "discovery", status: "ok" })).toBe(1);
    expect(await requests(registry, { verb: "get", resource: "pods/log", status: "ok" })).toBe(1);
    expect(await requests(registry, { verb: "get", resource: "pods", status: "not_found" })).toBe(1);
    expect(await requests(registry, { verb: "list", resource: "pods.metrics.k8s.io", status: "error" })).toBe(
      1,
    );
    expect(await registry.metrics()).toMatch(
      /k8helper_cluster_request_duration_seconds_count\{verb="list"\} 3/,
    );
  });
});

describe("instrumentClusterSet", () => {
  it("wraps every cluster of the set once and keeps the set's names", async () => {
    const clusters = new Map([
      ["one", cannedCluster("one")],
      ["two", cannedCluster("two")],
    ]);
    const set: ClusterSet = {
      defaultName: "one",
      names: () => [...clusters.keys()],
      get: (name) => {
        const cluster = clusters.get(name ?? "one");
        if (!cluster) throw new CodedError("bad_request", `unknown cluster ${name}`);
        return cluster;
      },
    };
    const metrics = createPrometheusMetrics();
    const instrumented = instrumentClusterSet(set, metrics);

    expect(instrumented.defaultName).toBe("one");
    expect(instrumented.names()).toEqual(["one", "two"]);
    expect(instrumented.get()).toBe(instrumented.get("one"));
    await instrumented.get().version();
    await instrumented.get("two").version();
    expect(() => instrumented.get("three")).toThrow(CodedError);
    expect(await requests(metrics.registry, { cluster: "one", verb: "get", resource: "version" })).toBe(1);
    expect(await requests(metrics.registry, { cluster: "two", verb: "get", resource: "version" })).toBe(1);
  });
});
