import type { KubeObject } from "../../core/ports.js";
import { event, namespace } from "./cluster-objects.js";
import type { SampleNode } from "./nodes.js";
import { addObject, day, minute, objectMeta, type SampleContext } from "./sample-context.js";
import { statefulSet } from "./stateful-workloads.js";
import { deployment } from "./workloads.js";

const ns = "warehouse";
const registry = "registry.example.com/warehouse";
const resources = { requests: { cpu: "250m", memory: "512Mi" }, limits: { memory: "1Gi" } };

/**
 * warehouse: the alerts the other namespaces do not raise. `inventory-db` (a StatefulSet of 3) has a replica
 * that fails its readiness probe (KubeStatefulSetReplicasMismatch); `picker` runs at its autoscaler's maximum
 * with CPU over target (KubeHpaMaxedOut). Built last, and its faults stay off the brief's planted list (a contract of its own).
 */
export function buildWarehouse(ctx: SampleContext, nodes: SampleNode[]): KubeObject[] {
  namespace(ctx, ns, 25 * day, { team: "warehouse" });
  const workers = nodes.filter((node) => node.role === "worker" && node.condition !== "NotReady");
  const db = statefulSet(ctx, {
    namespace: ns,
    name: "inventory-db",
    replicas: 3,
    nodes: workers,
    createdAgo: 25 * day,
    podHealth: ["running", "running", "readiness-failing"],
    containers: [
      {
        name: "mysql",
        image: "docker.io/library/mysql:8.4",
        ports: [{ containerPort: 3306, name: "mysql", protocol: "TCP" }],
        resources,
      },
    ],
  });
  const picker = deployment(ctx, {
    namespace: ns,
    name: "picker",
    replicas: 4,
    nodes: workers,
    createdAgo: 18 * day,
    podHealth: ["running", "running", "running", "running"],
    containers: [
      {
        name: "picker",
        image: `${registry}/picker:2.0.4`,
        ports: [{ containerPort: 8080, name: "http", protocol: "TCP" }],
        resources,
      },
    ],
  });
  const hpa = addObject(ctx, {
    apiVersion: "autoscaling/v2",
    kind: "HorizontalPodAutoscaler",
    metadata: objectMeta(ctx, "picker", { namespace: ns, createdAgo: 18 * day }),
    spec: {
      scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "picker" },
      minReplicas: 2,
      maxReplicas: 4,
      metrics: [
        {
          type: "Resource",
          resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } },
        },
      ],
    },
    status: {
      currentReplicas: 4,
      desiredReplicas: 4,
      currentMetrics: [
        {
          type: "Resource",
          resource: { name: "cpu", current: { averageUtilization: 96, averageValue: "240m" } },
        },
      ],
      conditions: [
        { type: "AbleToScale", status: "True", reason: "ReadyForNewScale" },
        { type: "ScalingActive", status: "True", reason: "ValidMetricFound" },
        {
          type: "ScalingLimited",
          status: "True",
          reason: "TooManyReplicas",
          message: "the desired replica count is more than the maximum replica count",
        },
      ],
    },
  });
  event(ctx, hpa, {
    type: "Normal",
    reason: "SuccessfulRescale",
    message: "New size: 4; reason: cpu resource utilization (percentage of request) above target",
    firstAgo: 40 * minute,
    component: "horizontal-pod-autoscaler",
  });
  return [...db.pods, ...picker.pods];
}
