import type { Finding } from "../answer.js";
import type { KubeObject } from "../ports.js";
import { conditionsOf, podStatus, type WorkloadSpec, type WorkloadStatus } from "../tools/object-shapes.js";
import { isOwnedBy } from "../tools/ownership.js";
import type { Analyzer, ClusterSnapshot } from "./analyzer.js";
import { podTrouble, refOf } from "./evidence.js";

/** Deployments, StatefulSets and DaemonSets with fewer ready replicas than desired. */
export const workloadsAnalyzer: Analyzer = {
  name: "workloads",
  covers: ["deployments", "statefulsets", "daemonsets"],
  reads: ["deployments", "statefulsets", "daemonsets", "replicasets", "pods", "nodes"],
  analyze(snapshot) {
    return [
      ...snapshot.deployments.flatMap((workload) =>
        below(workload, "Deployment", "DeploymentUnavailable", snapshot),
      ),
      ...snapshot.statefulsets.flatMap((workload) =>
        below(workload, "StatefulSet", "StatefulSetUnavailable", snapshot),
      ),
      ...snapshot.daemonsets.flatMap((workload) =>
        below(workload, "DaemonSet", "DaemonSetUnavailable", snapshot),
      ),
    ];
  },
};

function below(workload: KubeObject, kind: string, reason: string, snapshot: ClusterSnapshot): Finding[] {
  const spec = (workload.spec ?? {}) as WorkloadSpec;
  const status = (workload.status ?? {}) as WorkloadStatus;
  const daemon = kind === "DaemonSet";
  const desired = daemon ? (status.desiredNumberScheduled ?? 0) : (spec.replicas ?? 1);
  const ready = (daemon ? status.numberReady : status.readyReplicas) ?? 0;
  if (ready >= desired) return [];
  const unhappy = conditionsOf(workload).filter(
    (condition) => condition.status !== "True" || condition.reason === "ProgressDeadlineExceeded",
  );
  const pods = snapshot.pods
    .filter(
      (pod) =>
        pod.metadata.namespace === workload.metadata.namespace &&
        (isOwnedBy(pod, workload) || ownedThroughReplicaSet(pod, workload, snapshot)),
    )
    .filter(
      (pod) =>
        podStatus(pod).phase !== "Running" ||
        (podStatus(pod).containerStatuses ?? []).some((container) => !container.ready),
    );
  return [
    {
      severity: ready === 0 ? "critical" : "warning",
      object: refOf(workload, kind),
      reason,
      message: `${kind} has ${ready} of ${desired} ${daemon ? "pods" : "replicas"} ready${pods[0] ? `: pod ${pods[0].metadata.name} ${podTrouble(pods[0])}${nodeNote(pods[0], snapshot)}` : ""}.`,
      evidence: [
        daemon
          ? `pods: ${desired} desired, ${status.updatedNumberScheduled ?? 0} updated, ${ready} ready, ${status.numberAvailable ?? 0} available`
          : `replicas: ${desired} desired, ${status.updatedReplicas ?? 0} updated, ${ready} ready, ${status.availableReplicas ?? 0} available`,
        ...unhappy.map(
          (condition) =>
            `${condition.type}=${condition.status} ${condition.reason ?? ""}${condition.message ? `: ${condition.message}` : ""}`,
        ),
        ...pods
          .slice(0, 3)
          .map((pod) => `pod ${pod.metadata.name} not ready (${podTrouble(pod)})${nodeNote(pod, snapshot)}`),
      ],
    },
  ];
}

/** A Deployment's pods belong to its ReplicaSets: linked by ownerReferences, never by labels or name prefix. */
function ownedThroughReplicaSet(pod: KubeObject, workload: KubeObject, snapshot: ClusterSnapshot): boolean {
  return snapshot.replicasets.some((set) => isOwnedBy(set, workload) && isOwnedBy(pod, set));
}

/** " on NotReady node demo-worker-3" when the pod's node is the reason. */
function nodeNote(pod: KubeObject, snapshot: ClusterSnapshot): string {
  const nodeName = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
  const node = snapshot.nodes.find((candidate) => candidate.metadata.name === nodeName);
  const ready = node ? conditionsOf(node).find((condition) => condition.type === "Ready") : undefined;
  return node && ready?.status !== "True" ? ` on NotReady node ${nodeName}` : "";
}
