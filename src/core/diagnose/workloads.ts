import type { Finding } from "../answer.js";
import type { KubeObject } from "../ports.js";
import { conditionsOf, podStatus, type WorkloadSpec, type WorkloadStatus } from "../tools/object-shapes.js";
import type { Analyzer, ClusterSnapshot } from "./analyzer.js";
import { labelsMatch, refOf } from "./evidence.js";

/** Deployments and StatefulSets with fewer ready replicas than desired. */
export const workloadsAnalyzer: Analyzer = {
  name: "workloads",
  covers: ["deployments", "statefulsets"],
  reads: ["deployments", "statefulsets", "pods"],
  analyze(snapshot) {
    return [
      ...snapshot.deployments.flatMap((workload) =>
        below(workload, "Deployment", "DeploymentUnavailable", snapshot),
      ),
      ...snapshot.statefulsets.flatMap((workload) =>
        below(workload, "StatefulSet", "StatefulSetUnavailable", snapshot),
      ),
    ];
  },
};

function below(workload: KubeObject, kind: string, reason: string, snapshot: ClusterSnapshot): Finding[] {
  const spec = (workload.spec ?? {}) as WorkloadSpec;
  const status = (workload.status ?? {}) as WorkloadStatus;
  const desired = spec.replicas ?? 1;
  const ready = status.readyReplicas ?? 0;
  if (ready >= desired) return [];
  const unhappy = conditionsOf(workload).filter(
    (condition) => condition.status !== "True" || condition.reason === "ProgressDeadlineExceeded",
  );
  const pods = snapshot.pods
    .filter(
      (pod) =>
        pod.metadata.namespace === workload.metadata.namespace &&
        labelsMatch(spec.selector?.matchLabels, pod.metadata.labels),
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
      message: `${kind} has ${ready} of ${desired} replicas ready.`,
      evidence: [
        `replicas: ${desired} desired, ${status.updatedReplicas ?? 0} updated, ${ready} ready, ${status.availableReplicas ?? 0} available`,
        ...unhappy.map(
          (condition) =>
            `${condition.type}=${condition.status} ${condition.reason ?? ""}${condition.message ? `: ${condition.message}` : ""}`,
        ),
        ...pods
          .slice(0, 3)
          .map((pod) => `pod ${pod.metadata.name} not ready (${podStatus(pod).phase ?? "?"})`),
      ],
    },
  ];
}
