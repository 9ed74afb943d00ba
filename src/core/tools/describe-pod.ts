import type { Cell, TablePart } from "../answer.js";
import type { KubeObject } from "../ports.js";
import { type ContainerState, type Probe, podSpec, podStatus } from "./object-shapes.js";

/** The Containers section of `kubectl describe pod`: image, state, last state, restarts, probes. */
export function containersTable(pod: KubeObject): TablePart {
  const spec = podSpec(pod);
  const status = podStatus(pod);
  const statuses = [...(status.initContainerStatuses ?? []), ...(status.containerStatuses ?? [])];
  const containers = [
    ...(spec.initContainers ?? []).map((container) => ({ ...container, init: true })),
    ...(spec.containers ?? []).map((container) => ({ ...container, init: false })),
  ];
  const rows: Cell[][] = containers.map((container) => {
    const current = statuses.find((candidate) => candidate.name === container.name);
    const probes = [
      probeText("readiness", container.readinessProbe),
      probeText("liveness", container.livenessProbe),
      probeText("startup", container.startupProbe),
    ].filter(Boolean);
    return [
      container.init ? `${container.name} (init)` : container.name,
      container.image ?? current?.image ?? "",
      stateText(current?.state),
      stateText(current?.lastState),
      current?.restartCount ?? 0,
      current?.ready ? "true" : "false",
      probes.join("; "),
    ];
  });
  const unhealthyRows = rows.flatMap((row, index) =>
    row[5] === "false" && !String(row[0]).endsWith("(init)") ? [index] : [],
  );
  return {
    type: "table",
    title: "Containers",
    columns: ["NAME", "IMAGE", "STATE", "LAST STATE", "RESTARTS", "READY", "PROBES"],
    rows,
    nameColumn: 0,
    unhealthyRows,
  };
}

export function stateText(state: ContainerState | undefined): string {
  if (!state) return "";
  if (state.waiting) return `Waiting: ${state.waiting.reason ?? ""}`.trim();
  if (state.running) return state.running.startedAt ? `Running since ${state.running.startedAt}` : "Running";
  if (state.terminated) {
    const exit = state.terminated.exitCode !== undefined ? ` (exit ${state.terminated.exitCode})` : "";
    return `Terminated: ${state.terminated.reason ?? ""}${exit}`;
  }
  return "";
}

function probeText(kind: string, probe: Probe | undefined): string {
  if (!probe) return "";
  let how = "";
  if (probe.httpGet) how = `http-get :${probe.httpGet.port ?? ""}${probe.httpGet.path ?? "/"}`;
  else if (probe.tcpSocket) how = `tcp :${probe.tcpSocket.port ?? ""}`;
  else if (probe.exec) how = `exec ${(probe.exec.command ?? []).join(" ")}`;
  else if (probe.grpc) how = `grpc :${probe.grpc.port ?? ""}`;
  return `${kind} ${how}`.trim();
}
