import { afterAll, beforeAll, expect, it } from "vitest";
import { writeYaml } from "../../src/adapters/format/yaml-writer.js";
import { createClusterSet } from "../../src/adapters/kubernetes/cluster-set.js";
import type { TablePart } from "../../src/core/answer.js";
import type { Cluster, KubeObject } from "../../src/core/ports.js";
import { redactText } from "../../src/core/redact.js";
import { findTool } from "../../src/core/tools/catalogue.js";
import type { ToolContext } from "../../src/core/tools/define-tool.js";
import { resolveKind } from "../../src/core/tools/resolve-kind.js";
import { type SimulatedCluster, startSimulatedCluster } from "../../src/demo/cluster-server.js";

/** "which pv is X using": the claims X's pods mount and the volumes bound to them, for every such pod. */
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

it("for every pod mounting a claim, asked by its owner's name: the claim and its bound volume", async () => {
  const [pods, claims, volumes] = await Promise.all(
    ["pods", "persistentvolumeclaims", "persistentvolumes"].map(objects),
  );
  const names = new Set([...claims, ...volumes].map((object) => object.metadata.name));
  const tool = findTool("get_resources")!;
  let checked = 0;
  for (const pod of pods) {
    const mounted = (
      (pod.spec as { volumes?: { persistentVolumeClaim?: { claimName: string } }[] }).volumes ?? []
    ).flatMap((volume) => (volume.persistentVolumeClaim ? [volume.persistentVolumeClaim.claimName] : []));
    const owner = pod.metadata.ownerReferences?.[0]?.name;
    if (mounted.length === 0 || !owner || [...names].some((name) => name.startsWith(owner))) continue;
    for (const kind of ["persistentvolumes", "persistentvolumeclaims"]) {
      const output = await tool.run(context, tool.args.parse({ kind, name: owner }) as never);
      const table = output.parts[0] as TablePart;
      expect(table.title, owner).toBe(`Volumes used by the pods of ${owner}`);
      for (const claimName of mounted) {
        const row = table.rows.find((cells) => cells[1] === pod.metadata.name && cells[2] === claimName);
        const claim = claims.find(
          (candidate) =>
            candidate.metadata.name === claimName && candidate.metadata.namespace === pod.metadata.namespace,
        );
        expect(row?.[4], claimName).toBe(
          (claim?.spec as { volumeName?: string } | undefined)?.volumeName ?? "<none>",
        );
        checked += 1;
      }
    }
  }
  expect(checked).toBeGreaterThan(0);
});
