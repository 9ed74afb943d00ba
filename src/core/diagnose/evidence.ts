import type { ObjectRef } from "../answer.js";
import type { KubeObject } from "../ports.js";
import { type EventObject, eventCount, eventTime } from "../tools/object-shapes.js";
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
