import type { KubeObject } from "../../core/ports.js";
import { namespace } from "./cluster-objects.js";
import type { SampleNode } from "./nodes.js";
import { day, type SampleContext } from "./sample-context.js";
import { deployment } from "./workloads.js";

const teams = 20;
const podsPerDeployment = 50;

/** `count` extra healthy pods for benchmarks: Deployments of 50 replicas spread over 20 team namespaces. */
export function buildBulkPods(ctx: SampleContext, nodes: SampleNode[], count: number): KubeObject[] {
  if (count <= 0) return [];
  const workers = nodes.filter((n) => n.role === "worker" && n.condition !== "NotReady");
  const namespaces = Array.from(
    { length: Math.min(teams, Math.ceil(count / podsPerDeployment)) },
    (_, i) => `team-${String(i + 1).padStart(2, "0")}`,
  );
  for (const ns of namespaces) namespace(ctx, ns, 20 * day, { purpose: "load" });
  const pods: KubeObject[] = [];
  for (let d = 0; pods.length < count; d++) {
    const replicas = Math.min(podsPerDeployment, count - pods.length);
    const workload = deployment(ctx, {
      namespace: namespaces[d % namespaces.length],
      name: `svc-${String(d).padStart(4, "0")}`,
      replicas,
      nodes: workers,
      createdAgo: 10 * day,
      podHealth: Array.from({ length: replicas }, () => "running" as const),
      containers: [
        {
          name: "app",
          image: `registry.example.com/load/svc:${1 + (d % 9)}.0.0`,
          ports: [{ containerPort: 8080, name: "http", protocol: "TCP" }],
          resources: { requests: { cpu: "10m", memory: "32Mi" } },
        },
      ],
    });
    pods.push(...workload.pods);
  }
  return pods;
}
