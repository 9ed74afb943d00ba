import type { KubeObject } from "../ports.js";
import { templatePodSpec } from "./describe-field-values.js";
import { moreKindFacts, pairs } from "./describe-kind-facts.js";
import { podSpec, podStatus, type WorkloadSpec, type WorkloadStatus } from "./object-shapes.js";
import { memoryWithHumanUnit } from "./quantities.js";
import { secretReferences, secretReferencesText } from "./secret-references.js";

const DROPPED_ANNOTATIONS = new Set(["kubectl.kubernetes.io/last-applied-configuration"]);

/** The header lines of `kubectl describe`: identity, then what matters for this kind. */
export function keyFacts(object: KubeObject): [string, string][] {
  const meta = object.metadata;
  const lines: [string, string][] = [["Name", meta.name]];
  if (meta.namespace) lines.push(["Namespace", meta.namespace]);
  if (meta.creationTimestamp) lines.push(["Created", meta.creationTimestamp]);
  lines.push(["Labels", pairs(meta.labels)]);
  const annotations = Object.fromEntries(
    Object.entries(meta.annotations ?? {}).filter(([key]) => !DROPPED_ANNOTATIONS.has(key)),
  );
  if (Object.keys(annotations).length > 0) lines.push(["Annotations", pairs(annotations)]);
  const owner = meta.ownerReferences?.find((reference) => reference.controller) ?? meta.ownerReferences?.[0];
  if (owner) lines.push(["Controlled By", `${owner.kind}/${owner.name}`]);
  lines.push(...kindFacts(object), ...containerCommandFacts(object));
  // The Secrets the pod spec names (names only, from the workload: no Secret is read).
  const secrets = secretReferences(object);
  if (secrets.length > 0) lines.push(["Secrets", secretReferencesText(secrets)]);
  return lines;
}

/** The account a workload's pods run as: kubectl leaves it out when unset, and then it is `default`. */
function serviceAccountOf(object: KubeObject): string {
  return (templatePodSpec(object) as { serviceAccountName?: string }).serviceAccountName ?? "default";
}

function kindFacts(object: KubeObject): [string, string][] {
  const spec = (object.spec ?? {}) as Record<string, unknown>;
  const status = (object.status ?? {}) as Record<string, unknown>;
  switch (object.kind) {
    case "Pod": {
      const pod = podStatus(object);
      const restarts = (pod.containerStatuses ?? []).reduce(
        (sum, container) => sum + (container.restartCount ?? 0),
        0,
      );
      return compact([
        ["Node", podSpec(object).nodeName],
        ["Status", pod.reason ?? pod.phase],
        ["Message", pod.message],
        ["IP", pod.podIP],
        ["Restarts", String(restarts)],
        ["QoS Class", status.qosClass as string | undefined],
        ["Restart Policy", spec.restartPolicy as string | undefined],
        ["Service Account", (spec.serviceAccountName as string | undefined) ?? "default"],
        ["Resources", resourcesText(object)],
      ]);
    }
    case "Deployment":
    case "StatefulSet":
    case "ReplicaSet": {
      const want = spec as WorkloadSpec;
      const have = status as WorkloadStatus;
      return compact([
        [
          "Replicas",
          `${want.replicas ?? 1} desired, ${have.updatedReplicas ?? 0} updated, ${have.readyReplicas ?? 0} ready, ${have.availableReplicas ?? 0} available`,
        ],
        ["Selector", pairs(want.selector?.matchLabels)],
        ["Images", imagesOf(object).join(", ")],
        ["Strategy", strategyText(object)],
        ["Service Account", serviceAccountOf(object)],
      ]);
    }
    case "DaemonSet": {
      const have = status as WorkloadStatus;
      return compact([
        ["Pods", `${have.desiredNumberScheduled ?? 0} desired, ${have.numberReady ?? 0} ready`],
        ["Images", imagesOf(object).join(", ")],
        ["Strategy", strategyText(object)],
        ["Service Account", serviceAccountOf(object)],
      ]);
    }
    case "Node": {
      const info = (status.nodeInfo ?? {}) as Record<string, string>;
      const allocatable = (status.allocatable ?? {}) as Record<string, string>;
      const capacity = (status.capacity ?? {}) as Record<string, string>;
      return compact([
        ["Kubelet", info.kubeletVersion],
        ["OS", [info.osImage, info.architecture].filter(Boolean).join(" ")],
        ["Capacity", resourceList(capacity)],
        ["Allocatable", resourceList(allocatable)],
        ["Unschedulable", spec.unschedulable ? "true" : undefined],
        ["Taints", taintsText(spec.taints)],
      ]);
    }
    case "Service": {
      const ports = ((spec.ports ?? []) as { port?: number; targetPort?: unknown; protocol?: string }[])
        .map((port) => `${port.port}→${port.targetPort ?? port.port}/${port.protocol ?? "TCP"}`)
        .join(", ");
      return compact([
        ["Type", spec.type as string | undefined],
        ["Cluster IP", spec.clusterIP as string | undefined],
        ["Ports", ports],
        ["Selector", pairs(spec.selector as Record<string, string> | undefined)],
      ]);
    }
    case "PersistentVolumeClaim":
      return compact([
        ["Status", status.phase as string | undefined],
        ["Volume", spec.volumeName as string | undefined],
        ["Storage Class", spec.storageClassName as string | undefined],
        [
          "Requested",
          (spec.resources as { requests?: Record<string, string> } | undefined)?.requests?.storage,
        ],
      ]);
    case "Job":
      return compact([
        [
          "Completions",
          `${status.succeeded ?? 0}/${spec.completions ?? 1} succeeded, ${status.failed ?? 0} failed`,
        ],
        ["Backoff Limit", spec.backoffLimit !== undefined ? String(spec.backoffLimit) : undefined],
        ["Restart Policy", templatePodSpec(object).restartPolicy],
        ["Images", imagesOf(object).join(", ")],
      ]);
    case "CronJob":
      return compact([
        ["Schedule", typeof spec.schedule === "string" ? `"${spec.schedule}"` : undefined],
        ["Suspend", spec.suspend === undefined ? undefined : String(spec.suspend)],
        // kubectl leaves an unset time out; a CronJob that never ran is what the question is often about.
        ["Last Schedule Time", (status.lastScheduleTime as string | undefined) ?? "<none>: never scheduled"],
        [
          "Last Successful Time",
          (status.lastSuccessfulTime as string | undefined) ?? "<none>: no run succeeded yet",
        ],
        [
          "Active Jobs",
          ((status.active as { name?: string }[] | undefined) ?? []).map((job) => job.name).join(", ") ||
            "<none>",
        ],
        ["Restart Policy", templatePodSpec(object).restartPolicy],
        ["Images", imagesOf(object).join(", ")],
      ]);
    case "ConfigMap":
      return compact([["Data", dataText(object)]]);
    default:
      return compact(moreKindFacts(object));
  }
}

function resourceList(list: Record<string, string>): string | undefined {
  if (Object.keys(list).length === 0) return undefined;
  return `cpu ${list.cpu ?? "?"}, memory ${memoryWithHumanUnit(list.memory) ?? "?"}, pods ${list.pods ?? "?"}`;
}

interface ResourceContainer {
  name: string;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}

/** "ledger: requests cpu 250m, memory 512Mi; limits memory 512Mi", per container (kubectl's Limits/Requests). */
function resourcesText(object: KubeObject): string | undefined {
  const containers = (podSpec(object).containers ?? []) as ResourceContainer[];
  const part = (label: string, list: Record<string, string> | undefined) => {
    const entries = Object.entries(list ?? {});
    return entries.length === 0
      ? undefined
      : `${label} ${entries.map(([key, value]) => `${key} ${value}`).join(", ")}`;
  };
  const lines = containers
    .map((container) => {
      const said = [
        part("requests", container.resources?.requests),
        part("limits", container.resources?.limits),
      ].filter(Boolean);
      return said.length === 0 ? undefined : `${container.name}: ${said.join("; ")}`;
    })
    .filter(Boolean);
  return lines.length === 0 ? undefined : lines.join(" | ");
}

/** kubectl's "Taints:" line; `<none>` is shown too, so an absent taint is visible as such. */
function taintsText(taints: unknown): string {
  const list = (Array.isArray(taints) ? taints : []) as { key: string; value?: string; effect?: string }[];
  if (list.length === 0) return "<none>";
  return list
    .map((taint) => `${taint.key}${taint.value ? `=${taint.value}` : ""}:${taint.effect ?? ""}`)
    .join(", ");
}

function imagesOf(object: KubeObject): string[] {
  return (templatePodSpec(object).containers ?? []).map((container) => container.image ?? "").filter(Boolean);
}

interface CommandContainer {
  name: string;
  command?: string[];
  args?: string[];
}

/** kubectl describe's Command: and Args: lines, per container (a multi-container pod names each). */
function containerCommandFacts(object: KubeObject): [string, string][] {
  const containers = (templatePodSpec(object).containers ?? []) as CommandContainer[];
  const line = (pick: (container: CommandContainer) => string[] | undefined): string => {
    const said = containers.filter((container) => (pick(container) ?? []).length > 0);
    const words = (container: CommandContainer) => (pick(container) ?? []).join(" ");
    return containers.length === 1
      ? said.map(words).join("")
      : said.map((container) => `${container.name}: ${words(container)}`).join("; ");
  };
  return compact([
    ["Command", line((container) => container.command)],
    ["Args", line((container) => container.args)],
  ]);
}

/** A ConfigMap's keys and values, as `kubectl describe` shows them (Secret-like keys are masked before this). */
function dataText(object: KubeObject): string {
  const data = ((object as { data?: Record<string, string> }).data ?? {}) as Record<string, string>;
  const entries = Object.entries(data);
  if (entries.length === 0) return "<none>";
  return entries.map(([key, value]) => `${key}=${value.trim()}`).join("\n");
}

function compact(lines: [string, string | undefined][]): [string, string][] {
  return lines.filter((line): line is [string, string] => line[1] !== undefined && line[1] !== "");
}

interface UpdateStrategy {
  type?: string;
  rollingUpdate?: { maxSurge?: string | number; maxUnavailable?: string | number; partition?: number };
}

/**
 * kubectl describe's StrategyType and RollingUpdateStrategy: "RollingUpdate (25% max unavailable, 25% max surge)".
 * A Deployment's `strategy`, a StatefulSet's or DaemonSet's `updateStrategy`; the API server's defaults when unset.
 */
function strategyText(object: KubeObject): string | undefined {
  const spec = (object.spec ?? {}) as { strategy?: UpdateStrategy; updateStrategy?: UpdateStrategy };
  const strategy = object.kind === "Deployment" ? spec.strategy : spec.updateStrategy;
  if (object.kind === "ReplicaSet") return undefined;
  const type = strategy?.type ?? "RollingUpdate";
  if (type !== "RollingUpdate") return type;
  const rolling = strategy?.rollingUpdate ?? {};
  const limits = [
    rolling.maxUnavailable !== undefined || object.kind !== "StatefulSet"
      ? `${rolling.maxUnavailable ?? (object.kind === "Deployment" ? "25%" : 1)} max unavailable`
      : undefined,
    object.kind === "Deployment" ? `${rolling.maxSurge ?? "25%"} max surge` : undefined,
    rolling.partition ? `partition ${rolling.partition}` : undefined,
  ].filter(Boolean);
  return limits.length > 0 ? `${type} (${limits.join(", ")})` : type;
}
