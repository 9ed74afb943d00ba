import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeYaml } from "../../src/adapters/format/yaml-writer.js";
import { createClusterSet } from "../../src/adapters/kubernetes/cluster-set.js";
import type { TablePart } from "../../src/core/answer.js";
import type { Cluster, KubeObject } from "../../src/core/ports.js";
import { redactText } from "../../src/core/redact.js";
import { findTool } from "../../src/core/tools/catalogue.js";
import type { ToolContext } from "../../src/core/tools/define-tool.js";
import { selects } from "../../src/core/tools/policies-selecting.js";
import { resolveKind } from "../../src/core/tools/resolve-kind.js";
import { type SimulatedCluster, startSimulatedCluster } from "../../src/demo/cluster-server.js";

/** "network policies for X", X a workload or pod: the policies whose podSelector picks X's pods. */
let simulated: SimulatedCluster;
let cluster: Cluster;
let context: ToolContext;

beforeAll(async () => {
  simulated = await startSimulatedCluster({ seed: 1 });
  cluster = createClusterSet({ kubeconfig: simulated.kubeconfigPath, requestTimeoutMs: 10_000 }).get();
  context = { cluster, scope: {}, redact: redactText, toYaml: writeYaml };
});

afterAll(async () => {
  await simulated?.close();
});

async function objects(kind: string): Promise<KubeObject[]> {
  return cluster.list(await resolveKind(cluster, kind), {});
}

const matchLabels = (policy: KubeObject) =>
  (policy.spec as { podSelector?: { matchLabels?: Record<string, string> } }).podSelector?.matchLabels ?? {};

describe("policies that select a workload's pods", () => {
  it("for every deployment: the policies of its namespace whose selector its pods' labels satisfy", async () => {
    const [deployments, sets, pods, policies] = await Promise.all(
      ["deployments", "replicasets", "pods", "networkpolicies"].map(objects),
    );
    expect(policies.length).toBeGreaterThan(0);
    const tool = findTool("get_resources")!;
    let selected = 0;
    for (const deployment of deployments) {
      const { name, namespace } = deployment.metadata;
      const own = sets.filter(
        (set) => set.metadata.namespace === namespace && set.metadata.ownerReferences?.[0]?.name === name,
      );
      const itsPods = pods.filter((pod) =>
        own.some(
          (set) =>
            pod.metadata.namespace === namespace &&
            pod.metadata.ownerReferences?.[0]?.name === set.metadata.name,
        ),
      );
      if (itsPods.length === 0) continue;
      const expected = policies
        .filter(
          (policy) =>
            policy.metadata.namespace === namespace &&
            itsPods.some((pod) =>
              Object.entries(matchLabels(policy)).every(
                ([key, value]) => pod.metadata.labels?.[key] === value,
              ),
            ),
        )
        .map((policy) => policy.metadata.name)
        .sort();
      selected += expected.length;
      const output = await tool.run(context, tool.args.parse({ kind: "networkpolicies", name }) as never);
      const table = output.parts[0] as TablePart;
      expect(table.title, name).toBe(`Network policies selecting the pods of ${name}`);
      expect(table.rows.map((row) => row[1]).sort(), name).toEqual(expected);
      expect(output.facts.pods, name).toEqual(itsPods.map((pod) => pod.metadata.name));
    }
    expect(selected).toBeGreaterThan(0);
  });
});

describe("label selector semantics", () => {
  const labels: Record<string, string>[] = [
    {},
    { app: "a" },
    { app: "b" },
    { app: "a", tier: "x" },
    { tier: "x" },
  ];
  it.each(labels)("for labels %j: each operator as Kubernetes defines it", (set: Record<string, string>) => {
    const value = set.app;
    expect(selects({}, set)).toBe(true);
    expect(selects(undefined, set)).toBe(true);
    expect(selects({ matchLabels: { app: "a" } }, set)).toBe(value === "a");
    expect(selects({ matchExpressions: [{ key: "app", operator: "In", values: ["a", "c"] }] }, set)).toBe(
      value === "a",
    );
    expect(selects({ matchExpressions: [{ key: "app", operator: "NotIn", values: ["a"] }] }, set)).toBe(
      value !== "a",
    );
    expect(selects({ matchExpressions: [{ key: "app", operator: "Exists" }] }, set)).toBe(
      value !== undefined,
    );
    expect(selects({ matchExpressions: [{ key: "app", operator: "DoesNotExist" }] }, set)).toBe(
      value === undefined,
    );
  });
});
