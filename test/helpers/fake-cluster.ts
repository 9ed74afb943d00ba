import { CodedError } from "../../src/core/errors.js";
import type {
  Cluster,
  KubeObject,
  ListOptions,
  PodLogOptions,
  ResourceTable,
  ResourceType,
  UsageMetrics,
} from "../../src/core/ports.js";

/** A few served types, enough for tool unit tests; the integration tests use the simulated cluster. */
export const FAKE_TYPES: ResourceType[] = [
  type("pods", "Pod", "", ["po"]),
  type("services", "Service", "", ["svc"]),
  type("endpoints", "Endpoints", "", ["ep"]),
  type("nodes", "Node", "", ["no"], false),
  type("namespaces", "Namespace", "", ["ns"], false),
  type("events", "Event", "", ["ev"]),
  type("configmaps", "ConfigMap", "", ["cm"]),
  type("secrets", "Secret", "", []),
  type("persistentvolumeclaims", "PersistentVolumeClaim", "", ["pvc"]),
  type("deployments", "Deployment", "apps", ["deploy"]),
  type("statefulsets", "StatefulSet", "apps", ["sts"]),
  type("daemonsets", "DaemonSet", "apps", ["ds"]),
  type("replicasets", "ReplicaSet", "apps", ["rs"]),
  type("controllerrevisions", "ControllerRevision", "apps", []),
  type("jobs", "Job", "batch", []),
  type("storageclasses", "StorageClass", "storage.k8s.io", ["sc"], false),
  type("ingresses", "Ingress", "networking.k8s.io", ["ing"]),
];

function type(
  plural: string,
  kind: string,
  group: string,
  shortNames: string[],
  namespaced = true,
): ResourceType {
  return {
    plural,
    singular: kind.toLowerCase(),
    kind,
    shortNames,
    group,
    version: "v1",
    namespaced,
    verbs: ["get", "list", "watch"],
  };
}

export interface FakeClusterData {
  objects: KubeObject[];
  logs?: Record<string, string>;
  nodeMetrics?: UsageMetrics[];
  podMetrics?: UsageMetrics[];
}

/** An in-memory Cluster port: objects by kind, a crude Table (NAME + STATUS/READY for pods), recorded calls. */
export function createFakeCluster(
  data: FakeClusterData,
): Cluster & { calls: string[]; logReads: PodLogOptions[] } {
  const logReads: PodLogOptions[] = [];
  const calls: string[] = [];
  const ofType = (resource: ResourceType, options: ListOptions) =>
    data.objects.filter(
      (object) =>
        object.kind === resource.kind &&
        (!options.namespace || object.metadata.namespace === options.namespace) &&
        matchesFields(object, options.fieldSelector) &&
        matchesLabels(object, options.labelSelector),
    );
  return {
    name: "fake",
    calls,
    logReads,
    async resourceTypes() {
      return FAKE_TYPES;
    },
    async listTable(resource, options): Promise<ResourceTable> {
      calls.push(`listTable ${resource.plural} ${options.namespace ?? "*"}`);
      const objects = ofType(resource, options);
      if (resource.plural === "pods") {
        return {
          columns: [
            column("Name"),
            column("Ready"),
            column("Status"),
            column("Restarts"),
            column("Age"),
            column("IP", 1),
          ],
          rows: objects.map((pod) => ({
            name: pod.metadata.name,
            namespace: pod.metadata.namespace,
            cells: podCells(pod),
          })),
        };
      }
      return {
        columns: [column("Name"), column("Age")],
        rows: objects.map((object) => ({
          name: object.metadata.name,
          namespace: object.metadata.namespace,
          cells: [object.metadata.name, "1d"],
        })),
      };
    },
    async list(resource, options) {
      calls.push(`list ${resource.plural} ${options.namespace ?? "*"}`);
      return ofType(resource, options);
    },
    async get(resource, name, namespace) {
      calls.push(`get ${resource.plural} ${namespace ?? "*"} ${name}`);
      const found = ofType(resource, { namespace }).find((object) => object.metadata.name === name);
      if (!found) throw new CodedError("not_found", `No ${resource.plural} "${name}"`);
      return found;
    },
    async podLogs(options: PodLogOptions) {
      calls.push(
        `logs ${options.namespace} ${options.name} ${options.container ?? ""} ${options.previous ? "previous" : ""}`.trim(),
      );
      logReads.push(options);
      const log = data.logs?.[`${options.namespace}/${options.name}`];
      if (log === undefined) throw new CodedError("not_found", "no log");
      const lines = log.split("\n");
      const tail = options.tailLines ? lines.slice(-options.tailLines).join("\n") : log;
      // As the kubelet does: limitBytes counts from the start of the (tailed) log.
      return options.limitBytes ? Buffer.from(tail).subarray(0, options.limitBytes).toString("utf8") : tail;
    },
    async nodeMetrics() {
      return data.nodeMetrics ?? [];
    },
    async podMetrics(namespace) {
      return (data.podMetrics ?? []).filter((entry) => !namespace || entry.namespace === namespace);
    },
    async version() {
      return { gitVersion: "v1.32.0-fake" };
    },
  };
}

function column(name: string, priority = 0) {
  return { name, type: "string", priority };
}

function podCells(pod: KubeObject): unknown[] {
  const status = (pod.status ?? {}) as {
    phase?: string;
    containerStatuses?: {
      ready?: boolean;
      restartCount?: number;
      state?: { waiting?: { reason?: string } };
    }[];
  };
  const containers = status.containerStatuses ?? [];
  const ready = containers.filter((container) => container.ready).length;
  const waiting = containers.find((container) => container.state?.waiting?.reason)?.state?.waiting?.reason;
  const restarts = containers.reduce((sum, container) => sum + (container.restartCount ?? 0), 0);
  return [
    pod.metadata.name,
    `${ready}/${containers.length}`,
    waiting ?? status.phase ?? "Unknown",
    restarts,
    "1d",
    "10.0.0.1",
  ];
}

function matchesFields(object: KubeObject, selector: string | undefined): boolean {
  if (!selector) return true;
  return selector.split(",").every((term) => {
    const [path, value] = term.split("=");
    let current: unknown = object;
    for (const key of path.split(".")) current = (current as Record<string, unknown> | undefined)?.[key];
    return String(current) === value;
  });
}

/** Equality terms only (app=web,tier=front), which is what the tools send. */
function matchesLabels(object: KubeObject, selector: string | undefined): boolean {
  if (!selector) return true;
  return selector.split(",").every((term) => {
    const [key, value] = term.split("=");
    return object.metadata.labels?.[key] === value;
  });
}

/** Builders for the objects tests need. */
export function pod(namespace: string, name: string, extra: Partial<KubeObject> = {}): KubeObject {
  return {
    kind: "Pod",
    metadata: { name, namespace, labels: { app: name.split("-")[0] } },
    spec: { containers: [{ name: "main", image: "example/app:1" }] },
    status: {
      phase: "Running",
      containerStatuses: [{ name: "main", ready: true, restartCount: 0, state: { running: {} } }],
    },
    ...extra,
  };
}

export function object(
  kind: string,
  namespace: string | undefined,
  name: string,
  extra: Partial<KubeObject> = {},
): KubeObject {
  return { kind, metadata: { name, ...(namespace ? { namespace } : {}) }, ...extra };
}
