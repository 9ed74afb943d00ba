import type { KubeObject } from "../ports.js";
import { podSpec } from "../tools/object-shapes.js";
import { isPodOf } from "../tools/ownership.js";
import type { ClusterSnapshot, SnapshotKind } from "./analyzer.js";
import { metricLines } from "./autoscaler-metrics.js";

// Kinds whose state a healthy answer reports, in the order an on-call engineer reads them.
const STATUS_KINDS: SnapshotKind[] = [
  "nodes",
  "deployments",
  "statefulsets",
  "daemonsets",
  "cronjobs",
  "jobs",
  "persistentvolumeclaims",
  "horizontalpodautoscalers",
  "poddisruptionbudgets",
  "pods",
];
const MAX_SHOWN = 8;

const KIND_WORD: Partial<Record<SnapshotKind, string>> = {
  nodes: "node",
  deployments: "deployment",
  statefulsets: "statefulset",
  daemonsets: "daemonset",
  cronjobs: "cronjob",
  jobs: "job",
  persistentvolumeclaims: "pvc",
  horizontalpodautoscalers: "hpa",
  poddisruptionbudgets: "pdb",
  pods: "pod",
};

/**
 * What a diagnosis that found nothing did see, so "is cart ok?" answers with the object's state ("deployment
 * shop/cart: 2/2 ready") rather than a bare all-clear: the named object, or else the workloads of the scope.
 */
export function healthyStatus(
  snapshot: ClusterSnapshot,
  name: string | undefined,
  skip: (object: KubeObject) => boolean = () => false,
): string[] {
  const lines: string[] = [];
  for (const kind of STATUS_KINDS) {
    for (const object of snapshot[kind]) {
      if (name !== undefined ? !isOrOwnedBy(object, name) : !isWorkloadLike(kind)) continue;
      if (skip(object)) continue;
      const state = stateOf(kind, object);
      if (!state) continue;
      const where = object.metadata.namespace ? `${object.metadata.namespace}/` : "";
      const placed = name !== undefined ? podNodes(snapshot, kind, object) : "";
      lines.push(`${KIND_WORD[kind]} ${where}${object.metadata.name}: ${state}${placed}`);
    }
  }
  const shown = lines.slice(0, MAX_SHOWN);
  if (lines.length > MAX_SHOWN) shown.push(`+${lines.length - MAX_SHOWN} more`);
  return shown;
}

const PLACED_KINDS = new Set<SnapshotKind>(["deployments", "statefulsets"]);

/** "is coredns affected by the dead node?": the nodes a named workload's pods run on (" on demo-worker-1, …"). */
function podNodes(snapshot: ClusterSnapshot, kind: SnapshotKind, workload: KubeObject): string {
  if (!PLACED_KINDS.has(kind)) return "";
  const nodes = snapshot.pods
    .filter(
      (pod) => pod.metadata.namespace === workload.metadata.namespace && isPodOf(pod, workload.metadata.name),
    )
    .map((pod) => podSpec(pod).nodeName)
    .filter((node): node is string => node !== undefined);
  const distinct = [...new Set(nodes)].sort();
  return distinct.length > 0 ? `, pods on ${distinct.join(", ")}` : "";
}

/** The object itself or what it owns directly (a CronJob's jobs, a StatefulSet's pods). */
function isOrOwnedBy(object: KubeObject, name: string): boolean {
  return object.metadata.name === name || object.metadata.ownerReferences?.[0]?.name === name;
}

function isWorkloadLike(kind: SnapshotKind): boolean {
  return kind === "deployments" || kind === "statefulsets" || kind === "daemonsets" || kind === "cronjobs";
}

interface Status {
  replicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  numberReady?: number;
  desiredNumberScheduled?: number;
  phase?: string;
  succeeded?: number;
  failed?: number;
  lastScheduleTime?: string;
  conditions?: { type?: string; status?: string }[];
  containerStatuses?: { ready?: boolean }[];
}

function stateOf(kind: SnapshotKind, object: KubeObject): string | undefined {
  const status = (object.status ?? {}) as Status;
  const spec = (object.spec ?? {}) as { replicas?: number; suspend?: boolean; containers?: unknown[] };
  switch (kind) {
    case "nodes": {
      const ready = status.conditions?.find((condition) => condition.type === "Ready");
      return ready?.status === "True" ? "Ready" : "NotReady";
    }
    // kubectl's READY and, for a Deployment, AVAILABLE: what "is it up" asks.
    case "deployments":
      return `${status.readyReplicas ?? 0}/${spec.replicas ?? 1} ready, ${status.availableReplicas ?? 0} available`;
    case "statefulsets":
      return `${status.readyReplicas ?? 0}/${spec.replicas ?? 1} ready`;
    case "daemonsets":
      return `${status.numberReady ?? 0}/${status.desiredNumberScheduled ?? 0} ready`;
    case "cronjobs":
      return spec.suspend
        ? "suspended"
        : status.lastScheduleTime
          ? `last scheduled ${status.lastScheduleTime}`
          : "not run yet";
    case "jobs":
      return (status.succeeded ?? 0) > 0
        ? "Complete (succeeded)"
        : (status.failed ?? 0) > 0
          ? "failed"
          : "running";
    case "persistentvolumeclaims":
      return status.phase;
    case "horizontalpodautoscalers":
      return autoscalerState(object);
    case "poddisruptionbudgets":
      return budgetState(object);
    case "pods": {
      const containers = status.containerStatuses ?? [];
      const ready = containers.filter((container) => container.ready).length;
      return `${status.phase ?? "Unknown"}, ${ready}/${containers.length || (spec.containers?.length ?? 0)} ready`;
    }
    default:
      return undefined;
  }
}

function autoscalerState(hpa: KubeObject): string {
  const spec = (hpa.spec ?? {}) as { minReplicas?: number; maxReplicas?: number };
  const status = (hpa.status ?? {}) as { currentReplicas?: number };
  const metrics = metricLines(hpa);
  return `${status.currentReplicas ?? 0} replicas (min ${spec.minReplicas ?? 1}, max ${spec.maxReplicas ?? "?"})${metrics.length > 0 ? `; ${metrics.join("; ")}` : ""}`;
}

function budgetState(budget: KubeObject): string {
  const spec = (budget.spec ?? {}) as { minAvailable?: number | string; maxUnavailable?: number | string };
  const status = (budget.status ?? {}) as { disruptionsAllowed?: number; currentHealthy?: number };
  const rule =
    spec.minAvailable !== undefined
      ? `min available ${spec.minAvailable}`
      : `max unavailable ${spec.maxUnavailable}`;
  return `${status.disruptionsAllowed ?? 0} disruptions allowed (${rule}, ${status.currentHealthy ?? 0} healthy)`;
}
