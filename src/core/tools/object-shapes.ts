import type { KubeObject } from "../ports.js";

/** The parts of objects the tools and analyzers read; everything is optional because servers omit empty fields. */
export interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

export interface ContainerState {
  waiting?: { reason?: string; message?: string };
  running?: { startedAt?: string };
  terminated?: { reason?: string; message?: string; exitCode?: number; finishedAt?: string };
}

export interface ContainerStatus {
  name: string;
  image?: string;
  ready?: boolean;
  restartCount?: number;
  state?: ContainerState;
  lastState?: ContainerState;
}

export interface Probe {
  httpGet?: { path?: string; port?: number | string };
  tcpSocket?: { port?: number | string };
  exec?: { command?: string[] };
  grpc?: { port?: number };
  periodSeconds?: number;
  failureThreshold?: number;
}

export interface ContainerSpec {
  name: string;
  image?: string;
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
  resources?: { limits?: Record<string, string>; requests?: Record<string, string> };
  /** Literal values only here; a `valueFrom` reference has no `value`. */
  env?: { name?: string; value?: string }[];
  volumeMounts?: { name?: string; mountPath?: string }[];
}

export interface PodSpec {
  nodeName?: string;
  restartPolicy?: string;
  containers?: ContainerSpec[];
  initContainers?: ContainerSpec[];
  volumes?: { name?: string; configMap?: { name?: string } }[];
}

export interface PodStatus {
  phase?: string;
  reason?: string;
  message?: string;
  podIP?: string;
  conditions?: Condition[];
  containerStatuses?: ContainerStatus[];
  initContainerStatuses?: ContainerStatus[];
}

export interface WorkloadSpec {
  replicas?: number;
  selector?: { matchLabels?: Record<string, string> };
}

export interface WorkloadStatus {
  replicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  updatedReplicas?: number;
  desiredNumberScheduled?: number;
  updatedNumberScheduled?: number;
  numberAvailable?: number;
  numberReady?: number;
  conditions?: Condition[];
}

export interface EventObject extends KubeObject {
  involvedObject?: { kind?: string; name?: string; namespace?: string };
  reason?: string;
  message?: string;
  type?: string;
  count?: number;
  lastTimestamp?: string;
  eventTime?: string;
  firstTimestamp?: string;
  /** A repeating event (events.k8s.io): how often and when last, instead of count and lastTimestamp. */
  series?: { count?: number; lastObservedTime?: string };
}

export function podSpec(object: KubeObject): PodSpec {
  return (object.spec ?? {}) as PodSpec;
}

export function podStatus(object: KubeObject): PodStatus {
  return (object.status ?? {}) as PodStatus;
}

export function conditionsOf(object: KubeObject): Condition[] {
  return ((object.status as { conditions?: Condition[] } | undefined)?.conditions ?? []).filter(
    (condition) => condition?.type,
  );
}

export function condition(object: KubeObject, type: string): Condition | undefined {
  return conditionsOf(object).find((candidate) => candidate.type === type);
}

/** When an event last happened, as kubectl reads it: series.lastObservedTime, lastTimestamp, eventTime, firstTimestamp, creation. */
export function eventTime(event: EventObject): number {
  return parseTime(
    event.series?.lastObservedTime ??
      event.lastTimestamp ??
      event.eventTime ??
      event.firstTimestamp ??
      event.metadata.creationTimestamp,
  );
}

/** When an event first happened: firstTimestamp, eventTime, then creation. */
export function eventFirstTime(event: EventObject): number {
  return parseTime(event.firstTimestamp ?? event.eventTime ?? event.metadata.creationTimestamp);
}

/** How often it happened: series.count, else count, else once (kubectl's rule). */
export function eventCount(event: EventObject): number {
  return event.series?.count ?? (event.count && event.count > 0 ? event.count : 1);
}

function parseTime(stamp: string | null | undefined): number {
  const time = stamp ? Date.parse(stamp) : Number.NaN;
  return Number.isNaN(time) ? 0 : time;
}

/** "ns/name" for a namespaced object, "name" otherwise. */
export function qualifiedName(object: KubeObject): string {
  return object.metadata.namespace
    ? `${object.metadata.namespace}/${object.metadata.name}`
    : object.metadata.name;
}
