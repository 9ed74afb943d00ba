import { afterAll, beforeAll, expect, it } from "vitest";
import { writeYaml } from "../../src/adapters/format/yaml-writer.js";
import { createClusterSet } from "../../src/adapters/kubernetes/cluster-set.js";
import type { Cluster } from "../../src/core/ports.js";
import { redactText } from "../../src/core/redact.js";
import { findTool } from "../../src/core/tools/catalogue.js";
import type { ToolContext } from "../../src/core/tools/define-tool.js";
import { resolveKind } from "../../src/core/tools/resolve-kind.js";
import { type SimulatedCluster, startSimulatedCluster } from "../../src/demo/cluster-server.js";

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

it("a StatefulSet's volumes include each claim template with its size and class", async () => {
  const sets = await cluster.list(await resolveKind(cluster, "statefulsets"), {});
  const tool = findTool("describe_resource")!;
  let templates = 0;
  for (const set of sets) {
    const { name, namespace } = set.metadata;
    const output = await tool.run(
      context,
      tool.args.parse({ kind: "statefulsets", name, namespace, fields: ["volumes"] }) as never,
    );
    const text = JSON.stringify(output.parts);
    const claims =
      (
        set.spec as {
          volumeClaimTemplates?: {
            metadata: { name: string };
            spec: { storageClassName?: string; resources: { requests: { storage: string } } };
          }[];
        }
      ).volumeClaimTemplates ?? [];
    for (const claim of claims) {
      templates += 1;
      expect(text, name).toContain(
        `${claim.metadata.name} (volumeClaimTemplate ${claim.spec.resources.requests.storage}`,
      );
      if (claim.spec.storageClassName) expect(text, name).toContain(`class ${claim.spec.storageClassName}`);
    }
  }
  expect(templates).toBeGreaterThan(0);
});
