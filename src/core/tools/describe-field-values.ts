import type { KubeObject } from "../ports.js";
import { envNameSaysSecret, isSecretKey } from "../redact/secret-names.js";
import { redactText } from "../redact.js";
import type { DescribeField } from "./describe-fields.js";
import { type ContainerSpec, conditionsOf, type PodSpec, podSpec, podStatus } from "./object-shapes.js";
import { ageOf } from "./time-format.js";

/** One asked-for attribute, said in both languages: "ledger: limits memory 512Mi, cpu 500m; ...". */
export interface FieldAnswer {
  field: DescribeField;
  en: string;
  zh: string;
}

interface FullContainer extends ContainerSpec {
  ports?: { containerPort?: number; name?: string; protocol?: string }[];
  env?: { name: string; value?: string; valueFrom?: Record<string, Record<string, string>> }[];
  volumeMounts?: { name: string; mountPath?: string }[];
}

const LABEL_ZH: Record<DescribeField, string> = {
  image: "镜像",
  resources: "资源",
  node: "节点",
  ip: "IP",
  ports: "端口",
  replicas: "副本数",
  labels: "标签",
  annotations: "注解",
  probes: "探针",
  env: "环境变量",
  volumes: "卷",
  owner: "所属对象",
  schedule: "调度计划",
  conditions: "状态条件",
  taints: "污点",
};

/** The values asked for, read from the object itself (a workload's pod template for container fields). */
export function fieldAnswers(
  object: KubeObject,
  fields: readonly DescribeField[],
  nowMs = Date.now(),
): FieldAnswer[] {
  const name = object.metadata.name;
  return fields.map((field) => {
    const value = fieldValue(object, field, nowMs);
    if (field === "node" && value.node)
      return { field, en: `${name} runs on ${value.node}`, zh: `${name} 运行在节点 ${value.node} 上` };
    const shown = value.text || "<none>";
    // "limits memory 512Mi; requests ..." already says what it is.
    const label = field === "resources" ? "" : `${field} `;
    return { field, en: `${name}: ${label}${shown}`, zh: `${name} 的${LABEL_ZH[field]}：${shown}` };
  });
}

function fieldValue(
  object: KubeObject,
  field: DescribeField,
  nowMs: number,
): { text: string; node?: string } {
  const spec = (object.spec ?? {}) as Record<string, unknown>;
  const status = (object.status ?? {}) as Record<string, unknown>;
  const containers = containersOf(object);
  const perContainer = (describe: (container: FullContainer) => string) =>
    containers.length === 1
      ? describe(containers[0])
      : containers.map((container) => `${container.name}: ${describe(container)}`).join("; ");
  switch (field) {
    case "image":
      return { text: perContainer((container) => container.image ?? "<none>") };
    case "resources":
      if (object.kind === "Node") return { text: nodeResourcesText(status) };
      return { text: perContainer(resourcesText) };
    case "node": {
      const node = object.kind === "Pod" ? podSpec(object).nodeName : undefined;
      return {
        text: node ?? (object.kind === "Pod" ? "not scheduled" : `a ${object.kind} has no node`),
        node,
      };
    }
    case "ip":
      return { text: ipText(object, spec, status) };
    case "ports":
      return { text: portsText(object, spec, containers) };
    case "replicas":
      return { text: replicasText(spec, status) };
    case "labels":
      return { text: labelsText(object, spec) };
    case "annotations":
      return { text: pairs(object.metadata.annotations) };
    case "probes":
      return { text: perContainer(probesText) };
    case "env":
      return { text: perContainer(envText) };
    case "volumes":
      return { text: volumesText(object) };
    case "owner": {
      const owner = object.metadata.ownerReferences?.[0];
      return { text: owner ? `${owner.kind}/${owner.name}` : "" };
    }
    case "schedule":
      return { text: scheduleText(spec, status, nowMs) };
    case "conditions":
      return {
        text: conditionsOf(object)
          .map((c) => `${c.type}=${c.status}${c.reason ? ` (${c.reason})` : ""}`)
          .join(", "),
      };
    case "taints":
      return {
        text: ((spec.taints ?? []) as { key: string; value?: string; effect?: string }[])
          .map((taint) => `${taint.key}${taint.value ? `=${taint.value}` : ""}:${taint.effect ?? ""}`)
          .join(", "),
      };
  }
}

/** A pod's containers, or the pod template's of a workload or a CronJob. */
export function templatePodSpec(object: KubeObject): PodSpec {
  if (object.kind === "Pod") return podSpec(object);
  const spec = (object.spec ?? {}) as {
    template?: { spec?: PodSpec };
    jobTemplate?: { spec?: { template?: { spec?: PodSpec } } };
  };
  return spec.template?.spec ?? spec.jobTemplate?.spec?.template?.spec ?? {};
}

function containersOf(object: KubeObject): FullContainer[] {
  return (templatePodSpec(object).containers ?? []) as FullContainer[];
}

function resourcesText(container: FullContainer): string {
  const side = (values: Record<string, string> | undefined) =>
    Object.entries(values ?? {})
      .sort(([a], [b]) => (a === "memory" ? -1 : b === "memory" ? 1 : a.localeCompare(b)))
      .map(([resource, amount]) => `${resource} ${amount}`)
      .join(", ") || "<none>";
  return `limits ${side(container.resources?.limits)}; requests ${side(container.resources?.requests)}`;
}

function ipText(object: KubeObject, spec: Record<string, unknown>, status: Record<string, unknown>): string {
  if (object.kind === "Pod") {
    const pod = podStatus(object);
    const host = (status.hostIP as string | undefined) ?? "";
    return `${pod.podIP ?? "<none>"}${host ? ` (node ${host})` : ""}`;
  }
  if (object.kind === "Service") {
    const balancer = (
      (status.loadBalancer as { ingress?: { ip?: string; hostname?: string }[] } | undefined)?.ingress ?? []
    ).map((entry) => entry.ip ?? entry.hostname ?? "");
    const external = [...balancer, ...((spec.externalIPs as string[] | undefined) ?? [])].filter(Boolean);
    return `${String(spec.clusterIP ?? "<none>")}${external.length > 0 ? ` (external ${external.join(", ")})` : ""}`;
  }
  const addresses = (status.addresses ?? []) as { type: string; address: string }[];
  return addresses.map((address) => `${address.type} ${address.address}`).join(", ");
}

function portsText(object: KubeObject, spec: Record<string, unknown>, containers: FullContainer[]): string {
  if (object.kind === "Service")
    return (
      (spec.ports ?? []) as {
        name?: string;
        port?: number;
        targetPort?: unknown;
        nodePort?: number;
        protocol?: string;
      }[]
    )
      .map(
        (port) =>
          // kubectl's PORT(S) column writes a NodePort as 80:31380.
          `${port.port}${port.nodePort ? `:${port.nodePort}` : ""}→${port.targetPort ?? port.port}/${port.protocol ?? "TCP"}${port.name ? ` (${port.name})` : ""}`,
      )
      .join(", ");
  return containers
    .flatMap((container) =>
      (container.ports ?? []).map(
        (port) =>
          `${container.name} ${port.containerPort}/${port.protocol ?? "TCP"}${port.name ? ` (${port.name})` : ""}`,
      ),
    )
    .join(", ");
}

/** A node has no containers: what it offers (capacity, and what pods may use of it). */
function nodeResourcesText(status: Record<string, unknown>): string {
  const side = (values: unknown) =>
    ["cpu", "memory", "pods"]
      .filter((resource) => (values as Record<string, string> | undefined)?.[resource] !== undefined)
      .map((resource) => `${resource} ${(values as Record<string, string>)[resource]}`)
      .join(", ") || "<none>";
  return `capacity ${side(status.capacity)}; allocatable ${side(status.allocatable)}`;
}

function replicasText(spec: Record<string, unknown>, status: Record<string, unknown>): string {
  if (spec.maxReplicas !== undefined)
    return `min ${spec.minReplicas ?? 1}, max ${spec.maxReplicas}, current ${status.currentReplicas ?? 0}, desired ${status.desiredReplicas ?? 0}`;
  // kubectl's READY column ("2/3") first: "how many replicas are up" is answered by it.
  if (status.desiredNumberScheduled !== undefined)
    return `${status.numberReady ?? 0}/${status.desiredNumberScheduled} ready (${status.desiredNumberScheduled} desired)`;
  const desired = spec.replicas ?? 1;
  return `${status.readyReplicas ?? 0}/${desired} ready (${desired} desired, ${status.availableReplicas ?? 0} available)`;
}

function probesText(container: FullContainer): string {
  const probes = (
    [
      ["readiness", container.readinessProbe],
      ["liveness", container.livenessProbe],
      ["startup", container.startupProbe],
    ] as const
  ).flatMap(([kind, probe]) => {
    if (!probe) return [];
    const how = probe.httpGet
      ? `http-get :${probe.httpGet.port ?? ""}${probe.httpGet.path ?? "/"}`
      : probe.tcpSocket
        ? `tcp :${probe.tcpSocket.port ?? ""}`
        : probe.exec
          ? `exec ${(probe.exec.command ?? []).join(" ")}`
          : "grpc";
    return [`${kind} ${how}`];
  });
  return probes.join(", ") || "none configured (no liveness, readiness or startup probe)";
}

/**
 * A plain value is shown only when neither its name nor the value looks secret (`JAVA_OPTS=-Xmx480m`,
 * `LOG_LEVEL=debug`): a password written inline, a token or a URL with credentials stays "(value not shown)".
 */
function plainValue(name: string, value: string | undefined): string {
  if (value === undefined) return `${name} (value)`;
  const pair = `${name}=${value}`;
  const looksSecret =
    envNameSaysSecret(name) ||
    isSecretKey(name) ||
    redactText(pair) !== pair ||
    value.length > 200 ||
    /\/\/[^/\s]*@/.test(value);
  return looksSecret ? `${name} (value not shown)` : pair;
}

/** Names and where each value comes from; a value itself only when nothing about it looks secret. */
function envText(container: FullContainer): string {
  return (
    (container.env ?? [])
      .map((variable) => {
        const from = variable.valueFrom ?? {};
        if (from.secretKeyRef)
          return `${variable.name} (secret ${from.secretKeyRef.name}/${from.secretKeyRef.key})`;
        if (from.configMapKeyRef)
          return `${variable.name} (configmap ${from.configMapKeyRef.name}/${from.configMapKeyRef.key})`;
        if (from.fieldRef) return `${variable.name} (field ${from.fieldRef.fieldPath})`;
        if (from.resourceFieldRef) return `${variable.name} (resource ${from.resourceFieldRef.resource})`;
        return plainValue(variable.name, variable.value);
      })
      .join(", ") || "<none>"
  );
}

interface ClaimTemplate {
  metadata?: { name?: string };
  spec?: {
    storageClassName?: string;
    accessModes?: string[];
    resources?: { requests?: { storage?: string } };
  };
}

function volumesText(object: KubeObject): string {
  return [podVolumesText(object), claimTemplatesText(object)].filter(Boolean).join("; ");
}

/** A StatefulSet's volumeClaimTemplates: each replica's claim, its size and storage class. */
function claimTemplatesText(object: KubeObject): string {
  const templates = ((object.spec as { volumeClaimTemplates?: unknown[] } | undefined)
    ?.volumeClaimTemplates ?? []) as {
    metadata?: { name?: string };
    spec?: {
      resources?: { requests?: { storage?: string } };
      storageClassName?: string;
      accessModes?: string[];
    };
  }[];
  return templates
    .map((template) => {
      const size = template.spec?.resources?.requests?.storage;
      const details = [
        size,
        template.spec?.storageClassName ? `storageclass ${template.spec.storageClassName}` : undefined,
        template.spec?.accessModes?.join(","),
      ].filter(Boolean);
      return `${template.metadata?.name ?? "?"} (claim template${details.length ? ` ${details.join(", ")}` : ""})`;
    })
    .join(", ");
}

function podVolumesText(object: KubeObject): string {
  const volumes = ((templatePodSpec(object) as { volumes?: Record<string, unknown>[] }).volumes ??
    []) as (Record<string, Record<string, string>> & { name?: unknown })[];
  // A StatefulSet's storage is in its claim templates: each pod gets a PVC <template>-<pod> of that size.
  const templates = (
    ((object.spec ?? {}) as { volumeClaimTemplates?: ClaimTemplate[] }).volumeClaimTemplates ?? []
  ).map((template) => {
    const size = template.spec?.resources?.requests?.storage;
    const details = [
      size,
      template.spec?.storageClassName ? `class ${template.spec.storageClassName}` : undefined,
      template.spec?.accessModes?.join("/"),
    ].filter(Boolean);
    return `${template.metadata?.name ?? "?"} (volumeClaimTemplate${details.length > 0 ? ` ${details.join(", ")}` : ""})`;
  });
  return [
    ...templates,
    ...volumes.map((volume) => {
      const [source, detail] = (Object.entries(volume).find(([key]) => key !== "name") ?? ["", {}]) as [
        string,
        Record<string, string> | undefined,
      ];
      const ref = detail?.name ?? detail?.claimName ?? detail?.secretName ?? "";
      return `${String(volume.name)} (${source}${ref ? ` ${ref}` : ""})`;
    }),
  ].join(", ");
}

function scheduleText(spec: Record<string, unknown>, status: Record<string, unknown>, nowMs: number): string {
  if (spec.schedule === undefined) return "";
  // kubectl's LAST SCHEDULE column is an age: "9h ago" answers "when did it last run" at a glance.
  const when = (stamp: unknown) =>
    typeof stamp === "string" ? `${ageOf(stamp, nowMs)} ago (${stamp})` : "<none> (never)";
  return [
    `"${spec.schedule}"`,
    spec.suspend ? "suspended" : undefined,
    spec.concurrencyPolicy ? `concurrency ${spec.concurrencyPolicy}` : undefined,
    `last schedule ${when(status.lastScheduleTime)}`,
    `last succeeded ${when(status.lastSuccessfulTime)}`,
  ]
    .filter(Boolean)
    .join(", ");
}

/**
 * An object's labels, the selector it picks pods by (a Service's, a workload's matchLabels) and the node selector
 * its pods are placed by.
 */
function labelsText(object: KubeObject, spec: Record<string, unknown>): string {
  const selector = spec.selector as Record<string, unknown> | undefined;
  const matchLabels = (
    selector && typeof selector === "object"
      ? (selector.matchLabels ?? (object.kind === "Service" ? selector : undefined))
      : undefined
  ) as Record<string, string> | undefined;
  const nodeSelector = (templatePodSpec(object) as { nodeSelector?: Record<string, string> }).nodeSelector;
  return [
    pairs(object.metadata.labels),
    matchLabels ? `selector ${pairs(matchLabels)}` : undefined,
    nodeSelector ? `node selector ${pairs(nodeSelector)}` : undefined,
  ]
    .filter(Boolean)
    .join("; ");
}

function pairs(record: Record<string, string> | undefined): string {
  const entries = Object.entries(record ?? {});
  return entries.length === 0 ? "<none>" : entries.map(([key, value]) => `${key}=${value}`).join(", ");
}
