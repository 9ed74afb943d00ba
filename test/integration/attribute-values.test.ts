import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeYaml } from "../../src/adapters/format/yaml-writer.js";
import { createClusterSet } from "../../src/adapters/kubernetes/cluster-set.js";
import type { Cluster, KubeObject } from "../../src/core/ports.js";
import { redactText } from "../../src/core/redact.js";
import { findTool } from "../../src/core/tools/catalogue.js";
import type { ToolContext } from "../../src/core/tools/define-tool.js";
import { resolveKind } from "../../src/core/tools/resolve-kind.js";
import { type SimulatedCluster, startSimulatedCluster } from "../../src/demo/cluster-server.js";

// Issue 14 §1: one attribute of one object leads the answer, for every object of the sample that has it, checked
// against the object itself: replicas as kubectl's READY, a selector, a StatefulSet's claim size, a CronJob's policy.
let simulated: SimulatedCluster;
let cluster: Cluster;
let context: ToolContext;

async function headline(
  kind: string,
  object: KubeObject,
  field: string,
): Promise<{ en: string; zh: string }> {
  const tool = findTool("describe_resource")!;
  const args = { kind, name: object.metadata.name, namespace: object.metadata.namespace, fields: [field] };
  const output = await tool.run(context, tool.args.parse(args) as never);
  return { en: String(output.facts.headline), zh: String(output.facts.headline_zh) };
}

async function all(kind: string): Promise<KubeObject[]> {
  return cluster.list(await resolveKind(cluster, kind), {});
}

beforeAll(async () => {
  simulated = await startSimulatedCluster({ seed: 1 });
  cluster = createClusterSet({ kubeconfig: simulated.kubeconfigPath, requestTimeoutMs: 10_000 }).get();
  context = { cluster, scope: {}, defaultNamespace: "default", redact: redactText, toYaml: writeYaml };
});

afterAll(async () => {
  await simulated?.close();
});

describe("describe_resource fields, over every sample object that has the attribute", () => {
  it.each(["deployments", "statefulsets"])(
    "replicas of %s lead with READY as kubectl writes it",
    async (kind) => {
      const objects = await all(kind);
      expect(objects.length).toBeGreaterThan(0);
      for (const object of objects) {
        const spec = object.spec as { replicas?: number };
        const status = (object.status ?? {}) as { readyReplicas?: number };
        const ready = `${status.readyReplicas ?? 0}/${spec.replicas ?? 1} ready`;
        const said = await headline(kind, object, "replicas");
        expect(said.en).toContain(`${object.metadata.name}: replicas ${ready}`);
        expect(said.zh).toContain(ready);
      }
    },
  );

  it("a Service's labels answer carries its selector", async () => {
    const services = (await all("services")).filter(
      (service) => (service.spec as { selector?: object }).selector,
    );
    expect(services.length).toBeGreaterThan(0);
    for (const service of services) {
      const selector = (service.spec as { selector: Record<string, string> }).selector;
      const said = await headline("services", service, "labels");
      for (const [key, value] of Object.entries(selector))
        expect(said.en).toMatch(new RegExp(`selector .*${key}=${value}`));
    }
  });

  it("a StatefulSet's volumes answer gives each claim template's size", async () => {
    const sets = (await all("statefulsets")).filter(
      (set) => (set.spec as { volumeClaimTemplates?: unknown[] }).volumeClaimTemplates?.length,
    );
    expect(sets.length).toBeGreaterThan(0);
    for (const set of sets) {
      const templates = (
        set.spec as {
          volumeClaimTemplates: {
            metadata: { name: string };
            spec: { resources: { requests: { storage: string } } };
          }[];
        }
      ).volumeClaimTemplates;
      const said = await headline("statefulsets", set, "volumes");
      for (const template of templates) {
        expect(said.en).toContain(
          `${template.metadata.name} (claim template ${template.spec.resources.requests.storage}`,
        );
      }
    }
  });

  it("a CronJob's schedule answer gives its concurrency policy", async () => {
    const cronjobs = (await all("cronjobs")).filter(
      (job) => (job.spec as { concurrencyPolicy?: string }).concurrencyPolicy,
    );
    expect(cronjobs.length).toBeGreaterThan(0);
    for (const cronjob of cronjobs) {
      const said = await headline("cronjobs", cronjob, "schedule");
      expect(said.en).toContain(
        `concurrency ${(cronjob.spec as { concurrencyPolicy: string }).concurrencyPolicy}`,
      );
    }
  });
});

it("a list of nodes carries kubectl's -o wide INTERNAL-IP and CONTAINER-RUNTIME of every node", async () => {
  const tool = findTool("get_resources")!;
  const output = await tool.run(context, tool.args.parse({ kind: "nodes" }) as never);
  const table = output.parts[0] as { columns: string[]; rows: unknown[][] };
  const nodes = await all("nodes");
  expect(table.rows.length).toBe(nodes.length);
  for (const node of nodes) {
    const status = node.status as {
      addresses: { type: string; address: string }[];
      nodeInfo: { containerRuntimeVersion: string };
    };
    const row = table.rows.find((cells) => cells[0] === node.metadata.name)!;
    expect(row[table.columns.indexOf("INTERNAL-IP")]).toBe(
      status.addresses.find((address) => address.type === "InternalIP")?.address,
    );
    expect(row[table.columns.indexOf("CONTAINER-RUNTIME")]).toBe(status.nodeInfo.containerRuntimeVersion);
  }
});
