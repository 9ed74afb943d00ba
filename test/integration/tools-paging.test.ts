import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeYaml } from "../../src/adapters/format/yaml-writer.js";
import { createClusterSet } from "../../src/adapters/kubernetes/cluster-set.js";
import type { TablePart } from "../../src/core/answer.js";
import { redactText } from "../../src/core/redact.js";
import { getResources } from "../../src/core/tools/get-resources.js";
import { type SimulatedCluster, startSimulatedCluster } from "../../src/demo/cluster-server.js";

/** A 10,000-pod cluster read through the Table path: pages of 500, every pod exactly once. */
let simulated: SimulatedCluster;

beforeAll(async () => {
  simulated = await startSimulatedCluster({ seed: 1, pods: 10_000 });
});

afterAll(async () => {
  await simulated?.close();
});

describe("paging a large cluster", () => {
  it("returns every pod exactly once across pages of 500", async () => {
    const cluster = createClusterSet({
      kubeconfig: simulated.kubeconfigPath,
      requestTimeoutMs: 30_000,
    }).get();
    const context = {
      cluster,
      scope: {},
      defaultNamespace: "default",
      redact: redactText,
      toYaml: writeYaml,
    };
    const before = simulated.requests.length;
    const output = await getResources.run(context, { kind: "pods", all_namespaces: true });
    const rows = (output.parts[0] as TablePart).rows;
    const keys = rows.map((row) => `${row[0]}/${row[1]}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBeGreaterThanOrEqual(10_000);

    const pages = simulated.requests.slice(before).filter((request) => request.path === "/api/v1/pods");
    expect(pages.length).toBe(Math.ceil(keys.length / 500));
    expect(pages.every((page) => page.query.limit === "500")).toBe(true);
    expect(pages.slice(1).every((page) => Boolean(page.query.continue))).toBe(true);
    expect(output.facts.count).toBe(keys.length);
  });
});
