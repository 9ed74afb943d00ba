import type { KubeObject } from "../../ports.js";
import { condition } from "../object-shapes.js";

export type RolloutState = "complete" | "progressing" | "stuck";

export interface RolloutProgress {
  state: RolloutState;
  /** kubectl rollout status's sentence. */
  message: string;
  reason?: string;
}

interface RolloutStatusFields {
  observedGeneration?: number;
  replicas?: number;
  updatedReplicas?: number;
  availableReplicas?: number;
  readyReplicas?: number;
  currentRevision?: string;
  updateRevision?: string;
  desiredNumberScheduled?: number;
  updatedNumberScheduled?: number;
  numberAvailable?: number;
}

/** The same decision `kubectl rollout status` makes, per kind, plus "stuck" from the Progressing condition. */
export function rolloutProgress(workload: KubeObject): RolloutProgress {
  const kind = workload.kind ?? "";
  const name = `${kind.toLowerCase()} "${workload.metadata.name}"`;
  const status = (workload.status ?? {}) as RolloutStatusFields;
  const spec = (workload.spec ?? {}) as { replicas?: number };
  const generation = Number(workload.metadata.generation ?? 0);
  if (generation > 0 && (status.observedGeneration ?? 0) < generation)
    return { state: "progressing", message: `Waiting for ${name} spec update to be observed...` };
  if (kind === "Deployment") {
    const progressing = condition(workload, "Progressing");
    if (progressing?.reason === "ProgressDeadlineExceeded")
      return {
        state: "stuck",
        reason: progressing.reason,
        message: `${name} exceeded its progress deadline${progressing.message ? `: ${progressing.message}` : ""}`,
      };
    return replicaProgress(
      name,
      spec.replicas ?? 1,
      status.updatedReplicas,
      status.replicas,
      status.availableReplicas,
    );
  }
  if (kind === "DaemonSet") {
    const desired = status.desiredNumberScheduled ?? 0;
    return replicaProgress(name, desired, status.updatedNumberScheduled, desired, status.numberAvailable);
  }
  const desired = spec.replicas ?? 1;
  if ((status.readyReplicas ?? 0) < desired)
    return {
      state: "progressing",
      message: `Waiting for ${desired - (status.readyReplicas ?? 0)} pods to be ready...`,
    };
  if (status.updateRevision && status.currentRevision !== status.updateRevision)
    return {
      state: "progressing",
      message: `Waiting for partitioned roll out to finish: ${status.updatedReplicas ?? 0} out of ${desired} new pods have been updated...`,
    };
  return {
    state: "complete",
    message: `partitioned roll out complete: ${desired} new pods have been updated...`,
  };
}

function replicaProgress(
  name: string,
  desired: number,
  updated = 0,
  total = 0,
  available = 0,
): RolloutProgress {
  if (updated < desired)
    return {
      state: "progressing",
      message: `Waiting for ${name} rollout to finish: ${updated} out of ${desired} new replicas have been updated...`,
    };
  if (total > updated)
    return {
      state: "progressing",
      message: `Waiting for ${name} rollout to finish: ${total - updated} old replicas are pending termination...`,
    };
  if (available < updated)
    return {
      state: "progressing",
      message: `Waiting for ${name} rollout to finish: ${available} of ${updated} updated replicas are available...`,
    };
  return { state: "complete", message: `${name} successfully rolled out` };
}

/** How many of the desired pods are available ("3 of 4"), for a rollout that is not complete. */
export function availableOfDesired(workload: KubeObject): { available: number; desired: number } {
  const status = (workload.status ?? {}) as RolloutStatusFields;
  const spec = (workload.spec ?? {}) as { replicas?: number };
  if (workload.kind === "DaemonSet")
    return { available: status.numberAvailable ?? 0, desired: status.desiredNumberScheduled ?? 0 };
  const available = workload.kind === "StatefulSet" ? status.readyReplicas : status.availableReplicas;
  return { available: available ?? 0, desired: spec.replicas ?? 1 };
}
