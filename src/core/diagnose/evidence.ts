import type { ObjectRef } from "../answer.js";
import type { KubeObject } from "../ports.js";
import { type EventObject, eventCount, eventTime, podStatus } from "../tools/object-shapes.js";
import type { ClusterSnapshot } from "./analyzer.js";

export function refOf(object: KubeObject, kind = object.kind ?? ""): ObjectRef {
  return {
    kind,
    name: object.metadata.name,
    ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}),
  };
}

/** Event lines about one object, newest first: "Warning BackOff: Back-off restarting failed container (x12)". */
export function eventEvidence(
  snapshot: ClusterSnapshot,
  object: KubeObject,
  kind: string,
  max = 3,
  only?: RegExp,
): string[] {
  return snapshot.events
    .filter(
      (event: EventObject) =>
        event.involvedObject?.name === object.metadata.name &&
        (event.involvedObject?.kind ?? kind) === kind &&
        (!object.metadata.namespace ||
          (event.involvedObject?.namespace ?? event.metadata.namespace) === object.metadata.namespace) &&
        (!only || only.test(`${event.reason ?? ""} ${event.message ?? ""}`)),
    )
    .sort((a, b) => eventTime(b) - eventTime(a))
    .slice(0, max)
    .map(
      (event) =>
        `${event.type ?? "Event"} ${event.reason ?? ""}: ${event.message ?? ""}${eventCount(event) > 1 ? ` (x${eventCount(event)})` : ""}`,
    );
}

export function labelsMatch(
  selector: Record<string, string> | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  const wanted = Object.entries(selector ?? {});
  return wanted.length > 0 && wanted.every(([key, value]) => labels?.[key] === value);
}

/**
 * Why a pod is not ready, in kubectl's words: a container's waiting reason (CrashLoopBackOff, ImagePullBackOff), its
 * last termination (OOMKilled, exit 137), else the phase; a Running phase alone never explains anything.
 */
export function podTrouble(pod: KubeObject): string {
  const status = podStatus(pod);
  const containers = [...(status.initContainerStatuses ?? []), ...(status.containerStatuses ?? [])];
  for (const container of containers) {
    const last = container.lastState?.terminated;
    const waiting = container.state?.waiting?.reason;
    if (last?.reason === "OOMKilled" || container.state?.terminated?.reason === "OOMKilled")
      return "OOMKilled";
    if (waiting)
      return last?.reason ? `${waiting}, last ${last.reason} exit ${last.exitCode ?? "?"}` : waiting;
  }
  const unready = containers.find((container) => container.state?.running && !container.ready);
  if (unready) return `${status.phase ?? "Running"}, container ${unready.name} not ready`;
  return status.reason ?? status.phase ?? "unknown";
}
