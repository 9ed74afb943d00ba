import { CoreV1Api, KubeConfig } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SimulatedCluster, startSimulatedCluster } from "../../src/demo/cluster-server.js";
import { rawRequest } from "./raw-request.js";

let cluster: SimulatedCluster;
let core: CoreV1Api;

beforeAll(async () => {
  cluster = await startSimulatedCluster({ seed: 7, pods: 10_000 });
  const kc = new KubeConfig();
  kc.loadFromFile(cluster.kubeconfigPath);
  core = kc.makeApiClient(CoreV1Api);
});

afterAll(async () => {
  await cluster?.close();
});

describe("a 10,000-pod simulated cluster", () => {
  it("pages every pod exactly once with limit=500", async () => {
    const uids: string[] = [];
    let token: string | undefined;
    do {
      const page = await core.listPodForAllNamespaces({ limit: 500, _continue: token });
      uids.push(...page.items.map((p) => p.metadata!.uid!));
      token = page.metadata?._continue;
    } while (token);
    expect(uids.length).toBeGreaterThanOrEqual(10_000);
    expect(new Set(uids).size).toBe(uids.length);
    const total = (await core.listPodForAllNamespaces()).items.length;
    expect(uids.length).toBe(total);
  });

  it("spreads the generated pods over team namespaces and healthy nodes", async () => {
    const team = await core.listNamespacedPod({ namespace: "team-03" });
    expect(team.items.length).toBe(500);
    const nodes = new Set(team.items.map((p) => p.spec?.nodeName));
    expect(nodes).toEqual(new Set(["demo-worker-1", "demo-worker-2"]));
    expect(team.items.every((p) => p.status?.phase === "Running")).toBe(true);
  });

  it("pages the Table form across the whole cluster too", async () => {
    const accept = "application/json;as=Table;v=v1;g=meta.k8s.io";
    const names = new Set<string>();
    let token = "";
    let rows = 0;
    do {
      const query = `limit=500${token ? `&continue=${encodeURIComponent(token)}` : ""}`;
      const page = (await rawRequest(cluster.kubeconfigPath, `/api/v1/pods?${query}`, { accept })).json();
      for (const row of page.rows) names.add(`${row.object.metadata.namespace}/${row.cells[0]}`);
      rows += page.rows.length;
      token = page.metadata.continue ?? "";
    } while (token);
    expect(names.size).toBe(rows);
    expect(rows).toBeGreaterThanOrEqual(10_000);
  });
});
