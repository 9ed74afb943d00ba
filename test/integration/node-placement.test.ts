import { afterAll, beforeAll, expect, it } from "vitest";
import { writeYaml } from "../../src/adapters/format/yaml-writer.js";
import { createClusterSet } from "../../src/adapters/kubernetes/cluster-set.js";
import type { TablePart } from "../../src/core/answer.js";
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

it("a node list says each listed node's zone and every taint, listed or named", async () => {
  const nodes = await cluster.list(await resolveKind(cluster, "nodes"), {});
  const tool = findTool("get_resources")!;
  for (const args of [
    { kind: "nodes" },
    ...nodes.map((node) => ({ kind: "nodes", name: node.metadata.name })),
  ]) {
    const output = await tool.run(context, tool.args.parse(args) as never);
    const placement = output.parts.find(
      (part): part is TablePart => part.type === "table" && part.title === "Node zones and taints",
    );
    const listed = (output.parts[0] as TablePart).rows.map((row) => row[0]);
    expect(placement?.rows.map((row) => row[0])).toEqual(listed);
    for (const row of placement?.rows ?? []) {
      const node = nodes.find((candidate) => candidate.metadata.name === row[0])!;
      expect(row[1]).toBe(node.metadata.labels?.["topology.kubernetes.io/zone"] ?? "<none>");
      const taints = (node.spec as { taints?: { key: string; effect: string }[] }).taints ?? [];
      for (const taint of taints) expect(row[2]).toContain(`${taint.key}`);
      if (taints.length === 0) expect(row[2]).toBe("<none>");
    }
  }
  expect(nodes.some((node) => ((node.spec as { taints?: unknown[] }).taints ?? []).length > 0)).toBe(true);
});
