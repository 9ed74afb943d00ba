import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SimulatedCluster, startSimulatedCluster } from "../../src/demo/cluster-server.js";
import { plantedFaults } from "../../src/demo/sample-data.js";
import { rawRequest } from "./raw-request.js";

const tableAccept =
  "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

let cluster: SimulatedCluster;

beforeAll(async () => {
  cluster = await startSimulatedCluster({ seed: 1 });
});

afterAll(async () => {
  await cluster?.close();
});

// biome-ignore lint/suspicious/noExplicitAny: Table JSON read by the assertions
async function table(path: string): Promise<any> {
  const response = await rawRequest(cluster.kubeconfigPath, path, { accept: tableAccept });
  expect(response.status).toBe(200);
  expect(response.contentType).toBe("application/json;as=Table;v=v1;g=meta.k8s.io");
  return response.json();
}

// biome-ignore lint/suspicious/noExplicitAny: Table JSON read by the assertions
function shown(t: any): string[] {
  // biome-ignore lint/suspicious/noExplicitAny: Table JSON
  return t.columnDefinitions.filter((c: any) => c.priority === 0).map((c: any) => c.name);
}

// biome-ignore lint/suspicious/noExplicitAny: Table JSON
function row(t: any, name: string): Record<string, unknown> {
  // biome-ignore lint/suspicious/noExplicitAny: Table JSON
  const found = t.rows.find((r: any) => r.cells[0] === name);
  // biome-ignore lint/suspicious/noExplicitAny: Table JSON
  return Object.fromEntries(t.columnDefinitions.map((c: any, i: number) => [c.name, found?.cells[i]]));
}

describe("server-side Table (Accept: as=Table;v=v1;g=meta.k8s.io)", () => {
  it("pods: kubectl's columns, IP and Node only in wide, and kubectl's STATUS for every fault", async () => {
    const t = await table("/api/v1/pods");
    expect(t.kind).toBe("Table");
    expect(shown(t)).toEqual(["Name", "Ready", "Status", "Restarts", "Age"]);
    // biome-ignore lint/suspicious/noExplicitAny: Table JSON
    expect(t.columnDefinitions.filter((c: any) => c.priority === 1).map((c: any) => c.name)).toEqual([
      "IP",
      "Node",
      "Nominated Node",
      "Readiness Gates",
    ]);
    const status = (reason: string) => row(t, plantedFaults.find((f) => f.reason === reason)!.name).Status;
    expect(status("CrashLoopBackOff")).toBe("CrashLoopBackOff");
    expect(status("ImagePullBackOff")).toBe("ImagePullBackOff");
    expect(status("OOMKilled")).toBe("OOMKilled");
    expect(status("Unschedulable")).toBe("Pending");
    expect(row(t, plantedFaults.find((f) => f.reason === "ReadinessProbeFailed")!.name)).toMatchObject({
      Ready: "0/1",
      Status: "Running",
    });
    const crash = row(t, plantedFaults.find((f) => f.reason === "CrashLoopBackOff")!.name);
    expect(crash.Restarts).toMatch(/^14 \([0-9ms]+ ago\)$/);
    // biome-ignore lint/suspicious/noExplicitAny: Table JSON
    const statuses = new Set(t.rows.map((r: any) => r.cells[2]));
    for (const s of ["Running", "Completed", "Error", "Pending"]) expect(statuses).toContain(s);
    expect(row(t, plantedFaults.find((f) => f.reason === "Unschedulable")!.name).Node).toBe("<none>");
  });

  it("embeds PartialObjectMetadata per row by default, and nothing with includeObject=None", async () => {
    const t = await table("/api/v1/namespaces/shop/pods");
    expect(t.rows[0].object).toMatchObject({ kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1" });
    expect(t.rows[0].object.metadata.namespace).toBe("shop");
    expect(t.rows[0].object.spec).toBeUndefined();
    const bare = await table("/api/v1/namespaces/shop/pods?includeObject=None");
    expect(bare.rows[0].object).toBeUndefined();
  });

  it("deployments, services, nodes and events: kubectl's columns and values", async () => {
    const deployments = await table("/apis/apps/v1/namespaces/shop/deployments");
    expect(shown(deployments)).toEqual(["Name", "Ready", "Up-to-date", "Available", "Age"]);
    expect(row(deployments, "checkout")).toMatchObject({ Ready: "2/3", "Up-to-date": 3, Available: 2 });
    const services = await table("/api/v1/namespaces/shop/services");
    expect(shown(services)).toEqual(["Name", "Type", "Cluster-IP", "External-IP", "Port(s)", "Age"]);
    expect(row(services, "frontend")).toMatchObject({
      Type: "LoadBalancer",
      "External-IP": "203.0.113.10",
      "Port(s)": "80:31380/TCP",
    });
    const nodes = await table("/api/v1/nodes");
    expect(shown(nodes)).toEqual(["Name", "Status", "Roles", "Age", "Version"]);
    expect(row(nodes, "demo-worker-3").Status).toBe("NotReady");
    expect(row(nodes, "demo-control-plane").Roles).toBe("control-plane");
    const events = await table("/api/v1/namespaces/data/events");
    expect(shown(events)).toEqual(["Last Seen", "Type", "Reason", "Object", "Message"]);
    // biome-ignore lint/suspicious/noExplicitAny: Table JSON
    expect(events.rows.map((r: any) => r.cells[3])).toContain("persistentvolumeclaim/analytics-scratch");
  });

  it("serves events.k8s.io/v1 as a view of the core events, with the same Table", async () => {
    const list = (
      await rawRequest(cluster.kubeconfigPath, "/apis/events.k8s.io/v1/namespaces/data/events")
    ).json();
    expect(list.kind).toBe("EventList");
    expect(list.apiVersion).toBe("events.k8s.io/v1");
    expect(list.items[0]).not.toHaveProperty("apiVersion");
    expect(list.items[0]).toMatchObject({
      reason: "ProvisioningFailed",
      note: 'storageclass.storage.k8s.io "fast-ssd" not found',
      regarding: { kind: "PersistentVolumeClaim", name: "analytics-scratch" },
    });
    const t = await table("/apis/events.k8s.io/v1/namespaces/data/events");
    expect(row(t, t.rows[0].cells[0])).toMatchObject({
      Reason: "ProvisioningFailed",
      Object: "persistentvolumeclaim/analytics-scratch",
    });
  });

  it("custom resources print their CRD's columns, kinds without printers NAME and AGE; one object is a one-row Table", async () => {
    const widgets = await table("/apis/example.com/v1/widgets");
    expect(shown(widgets)).toEqual(["Name", "Size", "Color", "Age"]);
    expect(row(widgets, "gizmo-blue")).toMatchObject({ Size: "large", Color: "blue", Phase: "Ready" });
    // biome-ignore lint/suspicious/noExplicitAny: Table JSON
    expect(widgets.rows.map((r: any) => r.cells[0]).sort()).toEqual(["gizmo-blue", "gizmo-red", "sprocket"]);
    expect(widgets.rows[0].cells[4]).toMatch(/^\d+d$/);
    const storageClasses = await table("/apis/storage.k8s.io/v1/storageclasses");
    expect(row(storageClasses, "standard (default)").Provisioner).toBe("rancher.io/local-path");
    const one = await table("/apis/apps/v1/namespaces/shop/deployments/checkout");
    expect(one.rows).toHaveLength(1);
    expect(one.rows[0].cells[0]).toBe("checkout");
  });

  it("pages the Table form with metadata.continue", async () => {
    const first = await table("/api/v1/pods?limit=10");
    expect(first.rows).toHaveLength(10);
    expect(typeof first.metadata.continue).toBe("string");
    const second = await table(
      `/api/v1/pods?limit=10&continue=${encodeURIComponent(first.metadata.continue)}`,
    );
    expect(second.rows[0].cells[0]).not.toBe(first.rows[9].cells[0]);
    expect(second.metadata.remainingItemCount).toBe(first.metadata.remainingItemCount - 10);
  });

  it("serves discovery with short names; watch is outside the read-only rules", async () => {
    const apps = (await rawRequest(cluster.kubeconfigPath, "/apis/apps/v1")).json();
    // biome-ignore lint/suspicious/noExplicitAny: discovery JSON
    expect(apps.resources.find((r: any) => r.name === "deployments")).toMatchObject({
      kind: "Deployment",
      namespaced: true,
      shortNames: ["deploy"],
    });
    const custom = (await rawRequest(cluster.kubeconfigPath, "/apis/example.com/v1")).json();
    expect(custom.resources[0]).toMatchObject({ name: "widgets", shortNames: ["wd"], namespaced: true });
    const groups = (await rawRequest(cluster.kubeconfigPath, "/apis")).json();
    // biome-ignore lint/suspicious/noExplicitAny: discovery JSON
    expect(groups.groups.map((g: any) => g.name)).toEqual(
      expect.arrayContaining([
        "apps",
        "batch",
        "networking.k8s.io",
        "autoscaling",
        "policy",
        "storage.k8s.io",
        "apiextensions.k8s.io",
        "metrics.k8s.io",
        "authorization.k8s.io",
        "example.com",
      ]),
    );
    const watch = await rawRequest(cluster.kubeconfigPath, "/api/v1/namespaces/data/pods?watch=true");
    expect(watch.status).toBe(403);
    expect(watch.json().message).toContain('cannot watch resource "pods"');
    const openapi = await rawRequest(cluster.kubeconfigPath, "/openapi/v2");
    expect(openapi.status).toBe(403);
  });
});
