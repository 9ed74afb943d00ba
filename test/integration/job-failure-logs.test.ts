import { afterAll, beforeAll, expect, it } from "vitest";
import { writeYaml } from "../../src/adapters/format/yaml-writer.js";
import { createClusterSet } from "../../src/adapters/kubernetes/cluster-set.js";
import type { FindingsPart } from "../../src/core/answer.js";
import type { Cluster, KubeObject } from "../../src/core/ports.js";
import { redactText } from "../../src/core/redact.js";
import { findTool } from "../../src/core/tools/catalogue.js";
import type { ToolContext } from "../../src/core/tools/define-tool.js";
import { resolveKind } from "../../src/core/tools/resolve-kind.js";
import { type SimulatedCluster, startSimulatedCluster } from "../../src/demo/cluster-server.js";

/** Why a job failed is in its failed pod's log: the diagnosis quotes it, for every failed job, asked either way. */
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

it("every failed job's finding quotes a line of its newest failed pod's log, by name or by kind", async () => {
  const [jobs, pods] = await Promise.all([objects("jobs"), objects("pods")]);
  const failed = jobs.filter((job) =>
    ((job.status as { conditions?: { type: string; status: string }[] }).conditions ?? []).some(
      (condition) => condition.type === "Failed" && condition.status === "True",
    ),
  );
  expect(failed.length).toBeGreaterThan(0);
  const tool = findTool("diagnose")!;
  for (const job of failed) {
    const { name, namespace } = job.metadata;
    const newest = pods
      .filter(
        (pod) =>
          pod.metadata.namespace === namespace &&
          pod.metadata.ownerReferences?.some((owner) => owner.kind === "Job" && owner.name === name) &&
          (pod.status as { phase?: string }).phase === "Failed",
      )
      .sort((a, b) =>
        (b.metadata.creationTimestamp ?? "").localeCompare(a.metadata.creationTimestamp ?? ""),
      )[0];
    const log = redactText(await cluster.podLogs({ name: newest.metadata.name, namespace: namespace! }));
    for (const args of [{ name }, { kind: "jobs", namespace }]) {
      const output = await tool.run(context, tool.args.parse(args) as never);
      const finding = (output.parts[0] as FindingsPart).findings.find(
        (candidate) => candidate.reason === "JobFailed" && candidate.object.name === name,
      );
      const quoted = finding?.evidence.filter((line) => line.startsWith("log: ")) ?? [];
      expect(quoted.length, JSON.stringify(args)).toBeGreaterThan(0);
      for (const line of quoted) expect(log).toContain(line.slice("log: ".length).replace(/…$/, ""));
    }
  }
});
