import type { Finding } from "../answer.js";
import type { KubeObject } from "../ports.js";
import { condition } from "../tools/object-shapes.js";
import { shortAge } from "../tools/time-format.js";
import type { ClusterSnapshot } from "./analyzer.js";

const NODE_CONDITIONS: Record<string, { type: string; healthy: string }> = {
  NodeNotReady: { type: "Ready", healthy: "True" },
  MemoryPressure: { type: "MemoryPressure", healthy: "False" },
  DiskPressure: { type: "DiskPressure", healthy: "False" },
  PIDPressure: { type: "PIDPressure", healthy: "False" },
  NetworkUnavailable: { type: "NetworkUnavailable", healthy: "False" },
};

/**
 * "since when is worker-3 down", "how long has catalog been broken": when the fault began, read from the condition
 * that turned (a node's Ready or pressure, a pod's Ready or PodScheduled), else from when a Pending object was made.
 * The sentence is added to the finding's message, so the first screen holds it.
 */
export function addHowLong(finding: Finding, snapshot: ClusterSnapshot, nowMs: number): void {
  const since = faultSince(finding, snapshot);
  if (since === undefined || since > nowMs) return;
  const age = shortAge(since, nowMs);
  finding.message = `${finding.message} For ${age} (since ${new Date(since).toISOString().slice(0, 16).replace("T", " ")} UTC).`;
}

function faultSince(finding: Finding, snapshot: ClusterSnapshot): number | undefined {
  const { kind, name, namespace } = finding.object;
  const same = (object: KubeObject) =>
    object.metadata.name === name && (object.metadata.namespace ?? undefined) === (namespace ?? undefined);
  if (kind === "Node") {
    const node = snapshot.nodes.find(same);
    const watched = NODE_CONDITIONS[finding.reason];
    const turned = node && watched ? condition(node, watched.type) : undefined;
    return turned && turned.status !== watched?.healthy ? timeOf(turned.lastTransitionTime) : undefined;
  }
  if (kind === "Pod") {
    const pod = snapshot.pods.find(same);
    if (!pod) return undefined;
    const scheduled = condition(pod, "PodScheduled");
    if (scheduled && scheduled.status !== "True") return timeOf(scheduled.lastTransitionTime);
    const ready = condition(pod, "Ready");
    if (ready && ready.status !== "True") return timeOf(ready.lastTransitionTime);
    return undefined;
  }
  if (kind === "PersistentVolumeClaim") {
    const claim = snapshot.persistentvolumeclaims.find(same);
    const phase = (claim?.status as { phase?: string } | undefined)?.phase;
    return claim && phase === "Pending" ? timeOf(claim.metadata.creationTimestamp) : undefined;
  }
  return undefined;
}

function timeOf(stamp: string | undefined): number | undefined {
  const ms = stamp ? Date.parse(stamp) : Number.NaN;
  return Number.isFinite(ms) ? ms : undefined;
}
