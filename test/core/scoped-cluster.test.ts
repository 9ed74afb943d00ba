import { describe, expect, it } from "vitest";
import type { KubeObject, ResourceType } from "../../src/core/ports.js";
import type { Scope } from "../../src/core/question.js";
import { scopedCluster } from "../../src/core/scoped-cluster.js";
import { codedFailure } from "../helpers/coded-failure.js";
import { createFakeCluster, FAKE_TYPES } from "../helpers/fake-cluster.js";

const typeOf = (plural: string): ResourceType => {
  const found = FAKE_TYPES.find((type) => type.plural === plural);
  if (found) return found;
  return {
    ...FAKE_TYPES[0],
    plural,
    kind: plural === "persistentvolumes" ? "PersistentVolume" : "Widget",
    namespaced: false,
  };
};
const pvType = typeOf("persistentvolumes");
const crdType = {
  ...typeOf("customresourcedefinitions"),
  group: "apiextensions.k8s.io",
  kind: "CustomResourceDefinition",
};

const object = (kind: string, name: string, extra: Partial<KubeObject> = {}): KubeObject => ({
  kind,
  metadata: { name },
  ...extra,
});
const objects: KubeObject[] = [
  object("Namespace", "redteam"),
  object("Namespace", "other"),
  object("Node", "worker-1"),
  object("PersistentVolume", "pv-redteam", { spec: { claimRef: { namespace: "redteam", name: "data" } } }),
  object("PersistentVolume", "pv-other", { spec: { claimRef: { namespace: "other", name: "data" } } }),
  object("PersistentVolume", "pv-free", { spec: {} }),
  object("CustomResourceDefinition", "widgets.example.com"),
  { kind: "Pod", metadata: { name: "web", namespace: "other" } },
];
const redteam: Scope = { namespaces: ["redteam"], defaultNamespace: "redteam" };

describe("the cluster as a scoped caller sees it", () => {
  it("lists only the namespaces in scope, in both list forms", async () => {
    const cluster = scopedCluster(createFakeCluster({ objects }), redteam);
    expect((await cluster.list(typeOf("namespaces"), {})).map((ns) => ns.metadata.name)).toEqual(["redteam"]);
    expect((await cluster.listTable(typeOf("namespaces"), {})).rows.map((row) => row.name)).toEqual([
      "redteam",
    ]);
  });

  it("refuses a namespace outside the scope by name, before reading it", async () => {
    const fake = createFakeCluster({ objects });
    const cluster = scopedCluster(fake, redteam);
    expect(await codedFailure(cluster.get(typeOf("namespaces"), "other"))).toMatchObject({
      code: "out_of_scope",
    });
    expect(await codedFailure(cluster.list(typeOf("pods"), { namespace: "other" }))).toMatchObject({
      code: "out_of_scope",
    });
    expect(await codedFailure(cluster.list(typeOf("pods"), {}))).toMatchObject({ code: "out_of_scope" });
    expect(await codedFailure(cluster.podMetrics())).toMatchObject({ code: "out_of_scope" });
    expect(fake.calls).toEqual([]);
  });

  it("refuses a name that is a path before the cluster is asked", async () => {
    const fake = createFakeCluster({ objects });
    const cluster = scopedCluster(fake, {});
    expect(await codedFailure(cluster.get(typeOf("namespaces"), "other/pods"))).toMatchObject({
      code: "bad_request",
    });
    expect(await codedFailure(cluster.list(typeOf("pods"), { namespace: ".." }))).toMatchObject({
      code: "bad_request",
    });
    expect(fake.calls).toEqual([]);
  });

  it("shows persistent volumes only when bound to a claim in scope", async () => {
    const cluster = scopedCluster(createFakeCluster({ objects }), redteam);
    expect((await cluster.list(pvType, {})).map((pv) => pv.metadata.name)).toEqual(["pv-redteam"]);
    expect((await cluster.listTable(pvType, {})).rows.map((row) => row.name)).toEqual(["pv-redteam"]);
    expect((await cluster.get(pvType, "pv-redteam")).metadata.name).toBe("pv-redteam");
    expect(await codedFailure(cluster.get(pvType, "pv-other"))).toMatchObject({ code: "out_of_scope" });
    expect(await codedFailure(cluster.get(pvType, "pv-free"))).toMatchObject({ code: "out_of_scope" });
  });

  it("keeps nodes and CRDs readable unless the scope hides cluster-scoped kinds", async () => {
    const visible = scopedCluster(createFakeCluster({ objects }), redteam);
    expect(await visible.list(typeOf("nodes"), {})).toHaveLength(1);
    expect(await visible.list(crdType, {})).toHaveLength(1);
    const hidden = scopedCluster(createFakeCluster({ objects }), {
      ...redteam,
      clusterScopedKinds: "hidden",
    });
    expect(await codedFailure(hidden.list(typeOf("nodes"), {}))).toMatchObject({ code: "out_of_scope" });
    expect(await codedFailure(hidden.get(crdType, "widgets.example.com"))).toMatchObject({
      code: "out_of_scope",
    });
    expect(await codedFailure(hidden.nodeMetrics())).toMatchObject({ code: "out_of_scope" });
    // Namespaces and volumes are cut down to the scope, never hidden altogether.
    expect(await hidden.list(typeOf("namespaces"), {})).toHaveLength(1);
  });

  it("leaves an unscoped caller every namespace and volume", async () => {
    const cluster = scopedCluster(createFakeCluster({ objects }), {});
    expect(await cluster.list(typeOf("namespaces"), {})).toHaveLength(2);
    expect(await cluster.list(pvType, {})).toHaveLength(3);
    expect(await cluster.list(typeOf("pods"), {})).toHaveLength(1);
  });
});
