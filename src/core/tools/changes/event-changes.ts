import { type EventObject, eventCount, eventFirstTime, eventTime } from "../object-shapes.js";
import {
  type ChangeEntry,
  type ChangeSnapshot,
  type ChangeWindow,
  inWindow,
  keyOf,
  ownerChain,
} from "./change-entry.js";

// The events that record a scale: the deployment controller's and the HPA's.
const SCALING = new Set(["ScalingReplicaSet", "SuccessfulRescale", "SuccessfulCreate", "SuccessfulDelete"]);
const SCALE_TARGETS = new Set(["Deployment", "HorizontalPodAutoscaler", "StatefulSet"]);

/** Scaling (deployment controller, HPA) and the first occurrence of each warning, both from events. */
export function eventChanges(snapshot: ChangeSnapshot, window: ChangeWindow): ChangeEntry[] {
  const byName = new Map(
    [
      ...snapshot.workloads,
      ...snapshot.replicaSets,
      ...snapshot.pods.map((pod) => ({ ...pod, kind: "Pod" })),
    ].map((object) => [keyOf(object), object]),
  );
  const entries: ChangeEntry[] = [];
  for (const event of snapshot.events as EventObject[]) {
    const involved = event.involvedObject ?? {};
    const kind = involved.kind ?? "";
    const name = involved.name ?? "";
    const namespace = involved.namespace ?? event.metadata.namespace;
    const target = byName.get(`${kind}/${namespace ?? ""}/${name}`);
    const about = target ? ownerChain(target, byName) : [name];
    if (event.type !== "Warning" && SCALING.has(event.reason ?? "") && SCALE_TARGETS.has(kind)) {
      const atMs = eventTime(event);
      if (inWindow(atMs, window))
        entries.push({
          atMs,
          aspect: "scale",
          kind,
          namespace,
          name,
          what: `${event.reason}: ${event.message ?? ""}`,
          by: sourceOf(event),
          about,
        });
    } else if (event.type === "Warning") {
      const atMs = eventFirstTime(event);
      if (!inWindow(atMs, window)) continue;
      const count = eventCount(event);
      entries.push({
        atMs,
        aspect: "warning",
        kind,
        namespace,
        name,
        what: `first ${event.reason ?? "warning"}: ${event.message ?? ""}${count > 1 ? ` (x${count} since)` : ""}`,
        by: sourceOf(event),
        about,
      });
    }
  }
  return entries;
}

function sourceOf(event: EventObject): string | undefined {
  const fields = event as EventObject & { source?: { component?: string }; reportingController?: string };
  return fields.reportingController || fields.source?.component || undefined;
}
