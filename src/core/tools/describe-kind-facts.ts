import { metricLines } from "../diagnose/autoscaler-metrics.js";
import type { KubeObject } from "../ports.js";
import { memoryWithHumanUnit } from "./quantities.js";

type Facts = [string, string | undefined][];
type Record_ = Record<string, unknown>;

const DEFAULT_CLASS = "storageclass.kubernetes.io/is-default-class";

/**
 * kubectl describe's lines for the kinds on-call questions ask about beyond workloads: autoscalers, disruption
 * budgets, storage, ingresses and network policies; any other kind (custom resources included) shows its spec
 * and status fields, so no object is described by its name alone.
 */
export function moreKindFacts(object: KubeObject): Facts {
  const spec = (object.spec ?? {}) as Record_;
  const status = (object.status ?? {}) as Record_;
  switch (object.kind) {
    case "HorizontalPodAutoscaler": {
      const target = spec.scaleTargetRef as { kind?: string; name?: string } | undefined;
      return [
        ["Reference", target ? `${target.kind}/${target.name}` : undefined],
        ["Min replicas", text(spec.minReplicas ?? 1)],
        ["Max replicas", text(spec.maxReplicas)],
        [
          "Replicas",
          `${text(status.currentReplicas) ?? 0} current / ${text(status.desiredReplicas) ?? 0} desired`,
        ],
        ["Metrics", metricLines(object).join("; ") || undefined],
      ];
    }
    case "PodDisruptionBudget":
      return [
        ["Min available", text(spec.minAvailable)],
        ["Max unavailable", text(spec.maxUnavailable)],
        [
          "Selector",
          pairs((spec.selector as { matchLabels?: Record<string, string> } | undefined)?.matchLabels),
        ],
        ["Allowed disruptions", text(status.disruptionsAllowed ?? 0)],
        [
          "Healthy",
          `${text(status.currentHealthy) ?? 0} current, ${text(status.desiredHealthy) ?? 0} desired, ${text(status.expectedPods) ?? 0} expected pods`,
        ],
      ];
    case "StorageClass": {
      const parameters = (object as { parameters?: Record<string, string> }).parameters;
      const self = object as unknown as Record_;
      return [
        ["IsDefaultClass", object.metadata.annotations?.[DEFAULT_CLASS] === "true" ? "Yes" : "No"],
        ["Provisioner", text(self.provisioner)],
        ["Parameters", parameters ? pairs(parameters) : "<none>"],
        ["ReclaimPolicy", text(self.reclaimPolicy ?? "Delete")],
        ["VolumeBindingMode", text(self.volumeBindingMode ?? "Immediate")],
        ["AllowVolumeExpansion", text(self.allowVolumeExpansion ?? "<unset>")],
      ];
    }
    case "PersistentVolume": {
      const claim = spec.claimRef as { namespace?: string; name?: string } | undefined;
      return [
        ["Status", text(status.phase)],
        ["Claim", claim ? `${claim.namespace}/${claim.name}` : "<none>"],
        ["Capacity", memoryWithHumanUnit((spec.capacity as { storage?: string } | undefined)?.storage)],
        ["Access Modes", (spec.accessModes as string[] | undefined)?.join(", ")],
        ["Reclaim Policy", text(spec.persistentVolumeReclaimPolicy)],
        ["StorageClass", text(spec.storageClassName)],
      ];
    }
    case "Ingress":
      return [
        ["Ingress Class", text(spec.ingressClassName)],
        ["Rules", ingressRules(spec)],
        [
          "TLS",
          ((spec.tls ?? []) as { hosts?: string[]; secretName?: string }[])
            .map((tls) => `${tls.secretName} terminates ${(tls.hosts ?? []).join(", ")}`)
            .join("; ") || undefined,
        ],
      ];
    case "NetworkPolicy": {
      const selected = pairs(
        (spec.podSelector as { matchLabels?: Record<string, string> } | undefined)?.matchLabels,
      );
      return [
        ["Pod Selector", selected === "<none>" ? "<none> (all pods in the namespace)" : selected],
        ["Policy Types", (spec.policyTypes as string[] | undefined)?.join(", ")],
        ["Ingress", peersText(spec.ingress, "from")],
        ["Egress", peersText(spec.egress, "to")],
      ];
    }
    default:
      return fieldLines(object);
  }
}

function ingressRules(spec: Record_): string | undefined {
  const rules = (spec.rules ?? []) as {
    host?: string;
    http?: {
      paths?: {
        path?: string;
        backend?: { service?: { name?: string; port?: { number?: number; name?: string } } };
      }[];
    };
  }[];
  const lines = rules.flatMap((rule) =>
    (rule.http?.paths ?? []).map((path) => {
      const service = path.backend?.service;
      const port = service?.port?.number ?? service?.port?.name ?? "";
      return `${rule.host ?? "*"}${path.path ?? "/"} → ${service?.name ?? "?"}:${port}`;
    }),
  );
  return lines.join("; ") || undefined;
}

/** "from podSelector app=checkout, namespaceSelector team=shop; ports 8080/TCP", or "<none> (all traffic denied)". */
function peersText(rules: unknown, direction: "from" | "to"): string | undefined {
  if (!Array.isArray(rules)) return undefined;
  if (rules.length === 0) return "<none> (all traffic denied)";
  return rules
    .map((rule: Record_) => {
      const peers = ((rule[direction] ?? []) as Record_[]).map((peer) =>
        Object.entries(peer)
          .map(
            ([key, value]) =>
              `${key} ${pairs((value as { matchLabels?: Record<string, string> }).matchLabels ?? (value as Record<string, string>))}`,
          )
          .join(", "),
      );
      const ports = ((rule.ports ?? []) as { port?: number | string; protocol?: string }[]).map(
        (port) => `${port.port}/${port.protocol ?? "TCP"}`,
      );
      return `${direction} ${peers.join(" or ") || "anywhere"}${ports.length > 0 ? `; ports ${ports.join(", ")}` : ""}`;
    })
    .join(" | ");
}

const MAX_FIELD_LINES = 24;

/** spec.* and status.* scalar fields as `Key: value` lines, nested paths dotted, lists summarised, bounded. */
function fieldLines(object: KubeObject): Facts {
  const lines: Facts = [];
  const walk = (value: unknown, path: string) => {
    if (lines.length >= MAX_FIELD_LINES) return;
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) {
      if (value.every((item) => typeof item !== "object")) lines.push([path, value.join(", ")]);
      else for (const [index, item] of value.slice(0, 3).entries()) walk(item, `${path}[${index}]`);
      return;
    }
    if (typeof value === "object") {
      for (const [key, inner] of Object.entries(value as Record_)) walk(inner, `${path}.${key}`);
      return;
    }
    lines.push([path, String(value)]);
  };
  walk(object.spec, "spec");
  walk(object.status, "status");
  return lines;
}

function text(value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : String(value);
}

export function pairs(record: Record<string, string> | undefined): string {
  const entries = Object.entries(record ?? {});
  return entries.length === 0 ? "<none>" : entries.map(([key, value]) => `${key}=${value}`).join(", ");
}
