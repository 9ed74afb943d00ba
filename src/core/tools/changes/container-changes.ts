import type { KubeObject } from "../../ports.js";
import { type ContainerStatus, podStatus } from "../object-shapes.js";
import {
  type ChangeEntry,
  type ChangeSnapshot,
  type ChangeWindow,
  inWindow,
  keyOf,
  ownerChain,
  timeOf,
} from "./change-entry.js";

/** Container terminations (the last one kubelet kept) and restarts, with reason, exit code and restart count. */
export function containerChanges(snapshot: ChangeSnapshot, window: ChangeWindow): ChangeEntry[] {
  const byName = new Map(
    [...snapshot.workloads, ...snapshot.replicaSets].map((object) => [keyOf(object), object]),
  );
  return snapshot.pods.flatMap((pod) => {
    const about = ownerChain({ ...pod, kind: "Pod" }, byName);
    const statuses = [
      ...(podStatus(pod).initContainerStatuses ?? []),
      ...(podStatus(pod).containerStatuses ?? []),
    ];
    return statuses.flatMap((status) => terminations(pod, status, window, about));
  });
}

function terminations(
  pod: KubeObject,
  status: ContainerStatus,
  window: ChangeWindow,
  about: string[],
): ChangeEntry[] {
  const entries: ChangeEntry[] = [];
  const base = {
    aspect: "restart" as const,
    kind: "Pod",
    namespace: pod.metadata.namespace,
    name: pod.metadata.name,
    about,
  };
  for (const [terminated, restarted] of [
    [status.lastState?.terminated, true],
    [status.state?.terminated, false],
  ] as const) {
    if (!terminated) continue;
    const atMs = timeOf(terminated.finishedAt);
    if (!inWindow(atMs, window)) continue;
    const how = `${terminated.reason ?? "terminated"}${terminated.exitCode !== undefined ? ` (exit code ${terminated.exitCode})` : ""}`;
    const restarts = status.restartCount
      ? `, ${status.restartCount} restart${status.restartCount === 1 ? "" : "s"} in all`
      : "";
    entries.push({
      ...base,
      atMs,
      what: `container ${status.name} ${restarted ? "terminated and restarted" : "terminated"}: ${how}${terminated.message ? ` "${terminated.message}"` : ""}${restarted ? restarts : ""}`,
    });
  }
  return entries;
}
