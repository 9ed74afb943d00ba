import type { KubeObject } from "../../core/ports.js";
import { age, type Loose, loose, since } from "./format.js";
import type { KindPrinter } from "./printer.js";

/** The STATUS kubectl shows for a pod: kubectl's printPod, step for step. */
export function podStatusReason(pod: Loose): string {
  let reason: string = pod.status?.reason || pod.status?.phase || "Unknown";
  for (const condition of pod.status?.conditions ?? []) {
    if (condition.type === "PodScheduled" && condition.reason === "SchedulingGated")
      reason = "SchedulingGated";
  }
  let hasRunning = false;
  const statuses: Loose[] = pod.status?.containerStatuses ?? [];
  for (let i = statuses.length - 1; i >= 0; i--) {
    const state = statuses[i].state ?? {};
    if (state.waiting?.reason) reason = state.waiting.reason;
    else if (state.terminated?.reason) reason = state.terminated.reason;
    else if (state.terminated) {
      reason = state.terminated.signal
        ? `Signal:${state.terminated.signal}`
        : `ExitCode:${state.terminated.exitCode}`;
    } else if (statuses[i].ready && state.running) hasRunning = true;
  }
  if (reason === "Completed" && hasRunning) {
    const ready = (pod.status?.conditions ?? []).some(
      (c: Loose) => c.type === "Ready" && c.status === "True",
    );
    reason = ready ? "Running" : "NotReady";
  }
  if (pod.metadata.deletionTimestamp) {
    if (pod.status?.reason === "NodeLost") reason = "Unknown";
    else if (!["Succeeded", "Failed"].includes(pod.status?.phase)) reason = "Terminating";
  }
  return reason;
}

export function podReadyText(pod: Loose): string {
  const statuses: Loose[] = pod.status?.containerStatuses ?? [];
  const ready = statuses.filter((s) => s.ready && s.state?.running).length;
  return `${ready}/${(pod.spec?.containers ?? []).length}`;
}

export function podRestarts(pod: Loose): { count: number; lastRestart?: string } {
  let count = 0;
  let lastRestart: string | undefined;
  for (const status of pod.status?.containerStatuses ?? []) {
    count += status.restartCount ?? 0;
    const finished = status.lastState?.terminated?.finishedAt;
    if (finished && (!lastRestart || Date.parse(finished) > Date.parse(lastRestart))) lastRestart = finished;
  }
  return { count, lastRestart };
}

function restartsText(pod: Loose, now: number): string {
  const { count, lastRestart } = podRestarts(pod);
  return count !== 0 && lastRestart ? `${count} (${since(lastRestart, now)} ago)` : String(count);
}

function readinessGates(pod: Loose): string {
  const gates: Loose[] = pod.spec?.readinessGates ?? [];
  if (gates.length === 0) return "<none>";
  const conditions: Loose[] = pod.status?.conditions ?? [];
  const met = gates.filter((g) => conditions.some((c) => c.type === g.conditionType && c.status === "True"));
  return `${met.length}/${gates.length}`;
}

export const podPrinter: KindPrinter = {
  columns: [
    ["Name", "string", 0, "name"],
    ["Ready", "string", 0],
    ["Status", "string", 0],
    ["Restarts", "string", 0],
    ["Age", "string", 0],
    ["IP", "string", 1],
    ["Node", "string", 1],
    ["Nominated Node", "string", 1],
    ["Readiness Gates", "string", 1],
  ],
  cells(object: KubeObject, now: number) {
    const pod = loose(object);
    return [
      pod.metadata.name,
      podReadyText(pod),
      podStatusReason(pod),
      restartsText(pod, now),
      age(object, now),
      pod.status?.podIP || "<none>",
      pod.spec?.nodeName || "<none>",
      pod.status?.nominatedNodeName || "<none>",
      readinessGates(pod),
    ];
  },
  conditions(object: KubeObject) {
    const phase = loose(object).status?.phase;
    if (phase === "Succeeded" || phase === "Failed") {
      return [
        { type: "Completed", status: "True", reason: phase, message: `The pod has ${phase.toLowerCase()}.` },
      ];
    }
    return undefined;
  },
};
