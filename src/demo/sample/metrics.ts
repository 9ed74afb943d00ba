import type { KubeObject } from "../../core/ports.js";
import type { SampleNode } from "./nodes.js";
import { addObject, ago, randomInt, type SampleContext } from "./sample-context.js";

// biome-ignore lint/suspicious/noExplicitAny: sample pods are untyped JSON
type LoosePod = any;

const mebibyte = 1024 * 1024;

/** metrics.k8s.io objects as metrics-server reports them: CPU in nanocores, memory in Ki. */
export function buildMetrics(ctx: SampleContext, nodes: SampleNode[], pods: KubeObject[]): void {
  const perNode = new Map<string, { cpu: number; memory: number }>();
  const timestamp = ago(ctx, 11);
  for (const pod of pods as LoosePod[]) {
    if (pod.status?.phase !== "Running") continue;
    const node = nodes.find((n) => n.name === pod.spec.nodeName);
    if (!node || node.condition === "NotReady") continue;
    const containers = (pod.status.containerStatuses ?? [])
      .filter((s: LoosePod) => s.state?.running)
      .map((s: LoosePod) => ({
        name: s.name,
        cpu: randomInt(ctx, 1, 180) * 1_000_000 + randomInt(ctx, 0, 999_999),
        memory: randomInt(ctx, 12, 400) * mebibyte,
      }));
    if (containers.length === 0) continue;
    const total = perNode.get(node.name) ?? { cpu: 0, memory: 0 };
    for (const c of containers) {
      total.cpu += c.cpu;
      total.memory += c.memory;
    }
    perNode.set(node.name, total);
    addObject(ctx, {
      apiVersion: "metrics.k8s.io/v1beta1",
      kind: "PodMetrics",
      metadata: {
        name: pod.metadata.name,
        namespace: pod.metadata.namespace,
        labels: pod.metadata.labels,
        creationTimestamp: ago(ctx, 0),
      },
      timestamp,
      window: "15.012s",
      containers: containers.map((c: { name: string; cpu: number; memory: number }) => ({
        name: c.name,
        usage: { cpu: `${c.cpu}n`, memory: `${Math.round(c.memory / 1024)}Ki` },
      })),
    });
  }
  for (const node of nodes) {
    if (node.condition === "NotReady") continue;
    const used = perNode.get(node.name) ?? { cpu: 0, memory: 0 };
    const systemMemory =
      node.condition === "MemoryPressure" ? 14_900 * mebibyte : randomInt(ctx, 900, 2400) * mebibyte;
    addObject(ctx, {
      apiVersion: "metrics.k8s.io/v1beta1",
      kind: "NodeMetrics",
      metadata: {
        name: node.name,
        labels: { "kubernetes.io/hostname": node.name },
        creationTimestamp: ago(ctx, 0),
      },
      timestamp,
      window: "20.047s",
      usage: {
        cpu: `${used.cpu + randomInt(ctx, 80, 300) * 1_000_000}n`,
        memory: `${Math.round((used.memory + systemMemory) / 1024)}Ki`,
      },
    });
  }
}
