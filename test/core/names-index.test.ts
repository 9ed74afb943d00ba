import { describe, expect, it } from "vitest";
import { createNamesIndex } from "../../src/core/names/names-index.js";
import { createFakeCluster, object, pod } from "../helpers/fake-cluster.js";

const objects = [
  object("Namespace", undefined, "shop"),
  object("Namespace", undefined, "metrics"),
  object("Node", undefined, "worker-1"),
  object("Deployment", "shop", "checkout"),
  object("Service", "shop", "checkout"),
  object("Job", "shop", "db-migrate"),
  pod("shop", "checkout-5c6b-xk2lp"),
];

describe("the names index", () => {
  it("holds storage classes and custom resources as names read only as written, and a forbidden custom kind leaves it complete", async () => {
    const fake = createFakeCluster({
      objects: [
        ...objects,
        object("StorageClass", undefined, "premium-rwo"),
        object("Widget", "shop", "gizmo-red"),
        object("Gadget", "shop", "hidden-one"),
      ],
    });
    const base = await fake.resourceTypes();
    const extra = (plural: string, kind: string, group: string, namespaced: boolean) => ({
      ...base[0],
      plural,
      singular: kind.toLowerCase(),
      kind,
      group,
      version: "v1",
      namespaced,
      shortNames: [],
    });
    const cluster = {
      ...fake,
      resourceTypes: async () => [
        ...base,
        extra("storageclasses", "StorageClass", "storage.k8s.io", false),
        extra("widgets", "Widget", "example.com", true),
        extra("gadgets", "Gadget", "example.com", true),
      ],
      listTable: (...args: Parameters<typeof fake.listTable>) =>
        args[0].plural === "gadgets" ? Promise.reject(new Error("forbidden")) : fake.listTable(...args),
    } as typeof fake;
    const names = await createNamesIndex({ clock: { now: () => 0 } }).namesFor(cluster);
    expect(names?.objects.get("premium-rwo")).toEqual(["storageclasses"]);
    expect(names?.objects.get("gizmo-red")).toEqual(["widgets"]);
    expect([...(names?.exactOnly ?? [])].sort()).toEqual(["gizmo-red", "premium-rwo"]);
    expect(names?.objects.has("hidden-one")).toBe(false);
    expect(names?.complete).toBe(true);
  });

  it("holds namespaces, nodes and object names with their kinds, but not pods", async () => {
    const cluster = createFakeCluster({ objects });
    const names = await createNamesIndex({ clock: { now: () => 0 } }).namesFor(cluster);
    expect([...(names?.namespaces ?? [])].sort()).toEqual(["metrics", "shop"]);
    expect([...(names?.nodes ?? [])]).toEqual(["worker-1"]);
    expect(names?.objects.get("checkout")).toEqual(["deployments", "services"]);
    expect(names?.objects.has("db-migrate")).toBe(true);
    expect(names?.objects.has("checkout-5c6b-xk2lp")).toBe(false);
    expect(names?.complete).toBe(true);
  });

  it("holds every node, not only those metrics.k8s.io (which also serves 'nodes') has figures for", async () => {
    const fake = createFakeCluster({
      objects: [...objects, object("Node", undefined, "worker-2"), object("Node", undefined, "worker-3")],
    });
    const types = await fake.resourceTypes();
    const core = types.find((type) => type.plural === "nodes")!;
    const metricsNodes = { ...core, group: "metrics.k8s.io", version: "v1beta1", kind: "NodeMetrics" };
    for (const order of [
      [...types, metricsNodes],
      [metricsNodes, ...types],
    ]) {
      const cluster = {
        ...fake,
        resourceTypes: async () => order,
        // Only the nodes that report usage: a NotReady node has no metrics.
        listTable: (...args: Parameters<typeof fake.listTable>) =>
          args[0].group === "metrics.k8s.io"
            ? Promise.resolve({ columns: [], rows: [{ name: "worker-1", cells: [] }] })
            : fake.listTable(...args),
      } as typeof fake;
      const names = await createNamesIndex({ clock: { now: () => 0 } }).namesFor(cluster);
      expect([...(names?.nodes ?? [])].sort()).toEqual(["worker-1", "worker-2", "worker-3"]);
    }
  });

  it("is read once per TTL and per cluster, then again", async () => {
    let now = 0;
    const cluster = createFakeCluster({ objects });
    const index = createNamesIndex({ clock: { now: () => now }, ttlMs: 1_000 });
    await index.namesFor(cluster);
    const reads = cluster.calls.length;
    await index.namesFor(cluster);
    expect(cluster.calls.length).toBe(reads);
    now = 1_001;
    await index.namesFor(cluster);
    expect(cluster.calls.length).toBeGreaterThan(reads);
  });

  it("stays bounded on a big cluster and then says it is not complete", async () => {
    const many = Array.from({ length: 50 }, (_, i) => object("Deployment", "shop", `app-${i}`));
    const cluster = createFakeCluster({ objects: [...objects, ...many] });
    const names = await createNamesIndex({ clock: { now: () => 0 }, maxNames: 10 }).namesFor(cluster);
    expect(names?.objects.size).toBe(10);
    expect(names?.complete).toBe(false);
  });

  it("serves the last names while a slow re-read is on its way, and plans without names on a slow first read", async () => {
    let now = 0;
    let stall = false;
    const fake = createFakeCluster({ objects });
    const cluster = {
      ...fake,
      listTable: (...args: Parameters<typeof fake.listTable>) =>
        stall ? new Promise<never>(() => undefined) : fake.listTable(...args),
    };
    const index = createNamesIndex({ clock: { now: () => now }, ttlMs: 1_000, firstReadWaitMs: 10 });
    const first = await index.namesFor(cluster);
    stall = true;
    now = 2_000;
    expect(await index.namesFor(cluster)).toBe(first);
    const fresh = createNamesIndex({ clock: { now: () => now }, firstReadWaitMs: 10 });
    expect(await fresh.namesFor(cluster)).toBeUndefined();
  });
});

describe("the names index with metrics.k8s.io served", () => {
  it("reads nodes from the core group, not from NodeMetrics (a NotReady node has no metrics but is a node)", async () => {
    const fake = createFakeCluster({ objects });
    const types = await fake.resourceTypes();
    const core = types.find((type) => type.plural === "nodes")!;
    // Discovery lists metrics.k8s.io after the core group; its "nodes" lists only the nodes with usage.
    const metrics = { ...core, group: "metrics.k8s.io", version: "v1beta1", kind: "NodeMetrics" };
    const cluster = {
      ...fake,
      resourceTypes: async () => [...types, metrics],
      listTable: (...args: Parameters<typeof fake.listTable>) =>
        args[0].group === "metrics.k8s.io"
          ? Promise.resolve({ columns: [], rows: [] })
          : fake.listTable(...args),
    };
    const names = await createNamesIndex({ clock: { now: () => 0 } }).namesFor(cluster);
    expect([...(names?.nodes ?? [])]).toEqual(["worker-1"]);
  });
});
