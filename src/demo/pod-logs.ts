import type { KubeObject } from "../core/ports.js";
import { badRequest } from "./api-status.js";
import type { ContainerLog, LogLine } from "./sample/sample-context.js";

// biome-ignore lint/suspicious/noExplicitAny: sample pods are untyped JSON
type LoosePod = any;

export type LogQuery = Record<string, string>;

function containerToRead(pod: LoosePod, requested: string | undefined): string {
  const names: string[] = (pod.spec?.containers ?? []).map((c: LoosePod) => c.name);
  if (requested) {
    if (!names.includes(requested)) {
      throw badRequest(`container ${requested} is not valid for pod ${pod.metadata.name}`);
    }
    return requested;
  }
  if (names.length === 1) return names[0];
  throw badRequest(
    `a container name must be specified for pod ${pod.metadata.name}, choose one of: [${names.join(" ")}]`,
  );
}

/**
 * The lines a container has logged; in the demo a healthy container without planted logs gets a plain
 * start-up log, while a snapshot serves only what it captured.
 */
function linesFor(
  pod: LoosePod,
  container: string,
  log: ContainerLog | undefined,
  previous: boolean,
  startedAt: number,
  capturedOnly: boolean,
): LogLine[] {
  const status = (pod.status?.containerStatuses ?? []).find((s: LoosePod) => s.name === container);
  if (previous) {
    if (log?.previous) return log.previous;
    throw badRequest(`previous terminated container "${container}" in pod "${pod.metadata.name}" not found`);
  }
  if (log) return log.current;
  if (capturedOnly) {
    throw badRequest(
      `no log of container "${container}" in pod "${pod.metadata.name}" was captured in this snapshot`,
    );
  }
  const waiting = status?.state?.waiting;
  if (waiting) {
    throw badRequest(
      `container "${container}" in pod "${pod.metadata.name}" is waiting to start: ${waiting.reason === "ImagePullBackOff" ? "trying and failing to pull image" : waiting.reason}`,
    );
  }
  const lines = [
    `${container}: starting`,
    `${container}: configuration loaded`,
    `${container}: listening`,
    `${container}: ready`,
  ];
  return lines.map((text, i) => ({ at: startedAt + i * 1000, text }));
}

/** The body of GET pods/<name>/log, honouring container, previous, tailLines, sinceSeconds, timestamps and limitBytes. */
export function podLogText(
  pod: KubeObject,
  logs: Map<string, ContainerLog>,
  query: LogQuery,
  now: number,
  capturedOnly = false,
): string {
  const loosePod = pod as LoosePod;
  if (!loosePod.spec?.nodeName) throw badRequest(`pod ${pod.metadata.name} does not have a host assigned`);
  const container = containerToRead(loosePod, query.container);
  const log = logs.get(`${pod.metadata.namespace}/${pod.metadata.name}/${container}`);
  const started = Date.parse(loosePod.status?.startTime ?? new Date(now).toISOString());
  let lines = linesFor(loosePod, container, log, query.previous === "true", started, capturedOnly);
  if (query.sinceSeconds) {
    const since = Number(query.sinceSeconds);
    if (!Number.isInteger(since) || since < 1)
      throw badRequest("sinceSeconds: Invalid value: must be greater than 0");
    lines = lines.filter((line) => line.at >= now - since * 1000);
  }
  if (query.tailLines !== undefined) {
    const tail = Number(query.tailLines);
    if (!Number.isInteger(tail) || tail < 0)
      throw badRequest("tailLines: Invalid value: must be greater than or equal to 0");
    lines = tail === 0 ? [] : lines.slice(-tail);
  }
  const withTimes = query.timestamps === "true";
  let text = lines
    .map((line) => `${withTimes ? `${new Date(line.at).toISOString()} ` : ""}${line.text}\n`)
    .join("");
  if (query.limitBytes) text = Buffer.from(text).subarray(0, Number(query.limitBytes)).toString("utf8");
  return text;
}
