import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeYaml } from "../../src/adapters/format/yaml-writer.js";
import { createClusterSet } from "../../src/adapters/kubernetes/cluster-set.js";
import type { TablePart } from "../../src/core/answer.js";
import type { Cluster, KubeObject } from "../../src/core/ports.js";
import { redactText } from "../../src/core/redact.js";
import { findTool } from "../../src/core/tools/catalogue.js";
import type { ToolContext } from "../../src/core/tools/define-tool.js";
import { resolveKind } from "../../src/core/tools/resolve-kind.js";
import { targetPortMismatch } from "../../src/core/tools/service-backends.js";
import { type SimulatedCluster, startSimulatedCluster } from "../../src/demo/cluster-server.js";

/** Ingress → service → pods, linked by backends and selectors, for every such object of the demo cluster. */
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

async function getNamed(kind: string, name: string, namespace?: string) {
  const tool = findTool("get_resources")!;
  return tool.run(context, tool.args.parse({ kind, name, namespace }) as never);
}

const selects = (selector: Record<string, string>, pod: KubeObject) =>
  Object.entries(selector).every(([key, value]) => pod.metadata.labels?.[key] === value);

describe("a named service shows the pods its selector picks", () => {
  it("for every service with a selector: exactly the pods of its namespace whose labels match", async () => {
    const pods = await objects("pods");
    const services = (await objects("services")).filter(
      (service) => Object.keys((service.spec as { selector?: object }).selector ?? {}).length > 0,
    );
    expect(services.length).toBeGreaterThan(5);
    for (const service of services) {
      const { name, namespace } = service.metadata;
      const selector = (service.spec as { selector: Record<string, string> }).selector;
      const expected = pods
        .filter((pod) => pod.metadata.namespace === namespace && selects(selector, pod))
        .map((pod) => pod.metadata.name)
        .sort();
      const output = await getNamed("services", name, namespace);
      const table = output.parts.find(
        (part): part is TablePart => part.type === "table" && part.title.startsWith("Pods behind service"),
      );
      expect(table?.title, name).toContain(`${namespace}/${name}`);
      expect(table?.rows.map((row) => row[0]).sort(), name).toEqual(expected);
      if (expected.length === 0)
        expect(output.notes, name).toContain(
          `Service ${namespace}/${name}: selector ${Object.entries(selector)
            .map(([k, v]) => `${k}=${v}`)
            .join(",")} matches no pod`,
        );
    }
  });

  it("every ingress lists its routes and the pods behind each backend service", async () => {
    const ingresses = await objects("ingresses");
    expect(ingresses.length).toBeGreaterThan(0);
    for (const ingress of ingresses) {
      const { name, namespace } = ingress.metadata;
      const output = await getNamed("ingresses", name, namespace);
      const titles = output.parts.map((part) => (part.type === "table" ? part.title : ""));
      expect(titles).toContain(`Routes of ingress ${namespace}/${name}`);
      const backends = (
        (ingress.spec as { rules?: { http?: { paths?: { backend?: { service?: { name?: string } } }[] } }[] })
          .rules ?? []
      ).flatMap((rule) => (rule.http?.paths ?? []).map((path) => path.backend?.service?.name));
      for (const service of backends)
        expect(titles.some((title) => title.startsWith(`Pods behind service ${namespace}/${service} `))).toBe(
          true,
        );
    }
  });

  it("a list of many services is a list: nothing followed", async () => {
    const tool = findTool("get_resources")!;
    const output = await tool.run(context, tool.args.parse({ kind: "services" }) as never);
    expect(output.parts).toHaveLength(1);
  });
});

describe("a targetPort no container declares", () => {
  const pod = (ports: { name?: string; containerPort: number }[]): KubeObject => ({
    metadata: { name: "p" },
    spec: { containers: [{ name: "c", ports }] },
  });
  it.each([8080, 8081, 9000, 443])(
    "numeric targetPort %d is a mismatch exactly when no container opens it",
    (n) => {
      const pods = [pod([{ name: "http", containerPort: 8080 }]), pod([{ containerPort: 9000 }])];
      const mismatch = targetPortMismatch({ port: 80, targetPort: n }, pods);
      expect(mismatch === undefined).toBe(n === 8080 || n === 9000);
      if (mismatch) expect(mismatch).toContain(`targets ${n}`);
    },
  );
  it.each(["http", "grpc", "metrics"])("named targetPort %s matches by container port name", (name) => {
    const mismatch = targetPortMismatch({ port: 80, targetPort: name }, [
      pod([{ name: "http", containerPort: 8080 }]),
    ]);
    expect(mismatch === undefined).toBe(name === "http");
  });
  it("no targetPort means the port itself", () => {
    expect(targetPortMismatch({ port: 8080 }, [pod([{ containerPort: 8080 }])])).toBeUndefined();
    expect(targetPortMismatch({ port: 80 }, [pod([{ containerPort: 8080 }])])).toContain("targets 80");
  });
});
