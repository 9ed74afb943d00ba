import type { Finding } from "../answer.js";
import type { KubeObject } from "../ports.js";
import { editDistance } from "../tools/close-matches.js";
import type { ResolvedName } from "../tools/resolve-name.js";
import { resolveName } from "../tools/resolve-name.js";
import type { ClusterSnapshot } from "./analyzer.js";
import { envDependencies, withDependent } from "./env-dependencies.js";
import { labelsMatch } from "./evidence.js";

const SEVERITY_RANK = { critical: 0, warning: 1, info: 2 } as const;

/** Resolves `name` among every object read (exact wins, then a unique prefix). */
export function resolveDiagnosisName(snapshot: ClusterSnapshot, input: string, where: string): ResolvedName {
  const names = [
    ...new Set(
      (Object.keys(snapshot) as (keyof ClusterSnapshot)[])
        .filter((kind) => kind !== "events")
        .flatMap((kind) => snapshot[kind].map((object) => object.metadata.name)),
    ),
  ];
  // "fraud" matches the fraud-detector Deployment and its pods: the owner is the object meant.
  const matches = names.filter((name) => name.startsWith(input)).sort((a, b) => a.length - b.length);
  const owner = matches[0];
  if (owner && owner !== input && matches.every((name) => name === owner || name.startsWith(`${owner}-`))) {
    return { name: owner, note: `${input} → ${owner}` };
  }
  // "checkout" among pods only (diagnose kind=pods): the pods of one workload share their owner, which is meant.
  const shared = sharedOwner(snapshot, matches);
  if (shared && !names.includes(input)) return { name: shared, note: `${input} → ${shared}` };
  const typo = matches.length === 0 ? oneTypoAway(input, names) : undefined;
  if (typo) return { name: typo, note: `${input} → ${typo} (the only name that close)` };
  return resolveName(input, names, { what: "object", where });
}

const MAX_TYPOS = 2;

/** "analytics-scrach pvc stuck?": a name one or two edits from exactly one object's is that object. */
function oneTypoAway(input: string, names: readonly string[]): string | undefined {
  if (input.length < 5) return undefined;
  const close = names.filter((name) => editDistance(input, name) <= MAX_TYPOS);
  return close.length === 1 ? close[0] : undefined;
}

/** The one owner every matched object names first (several pods of one ReplicaSet), if there is one. */
function sharedOwner(snapshot: ClusterSnapshot, matches: readonly string[]): string | undefined {
  if (matches.length < 2) return undefined;
  const matched = new Set(matches);
  const owners = new Set<string>();
  for (const kind of Object.keys(snapshot) as (keyof ClusterSnapshot)[]) {
    if (kind === "events") continue;
    for (const object of snapshot[kind]) {
      if (!matched.has(object.metadata.name)) continue;
      const owner = object.metadata.ownerReferences?.[0]?.name;
      if (!owner) return undefined;
      owners.add(owner);
    }
  }
  return owners.size === 1 ? [...owners][0] : undefined;
}

/**
 * The object itself, what it owns through ownerReferences (a deployment's ReplicaSets and their pods, a CronJob's
 * jobs and their pods), and the services whose selector picks its pods. Never by name prefix: `api` is not
 * `api-gateway`.
 */
export function findingsAbout(findings: Finding[], name: string, snapshot: ClusterSnapshot): Finding[] {
  const objects = (Object.keys(snapshot) as (keyof ClusterSnapshot)[])
    .filter((kind) => kind !== "events")
    .flatMap((kind) => snapshot[kind].map((object) => ({ kind: kindOf(kind, object), object })));
  const byKey = new Map(
    objects.map(({ kind, object }) => [key(kind, object.metadata.namespace, object.metadata.name), object]),
  );
  const targets = objects.filter(({ object }) => object.metadata.name === name);
  const owns = (kind: string, namespace: string | undefined, objectName: string): boolean => {
    let current = byKey.get(key(kind, namespace, objectName));
    for (let depth = 0; current && depth < 4; depth++) {
      if (current.metadata.name === name) return true;
      const owner = current.metadata.ownerReferences?.[0];
      if (!owner) return false;
      if (owner.name === name) return true;
      current = byKey.get(key(owner.kind, namespace, owner.name));
    }
    return objectName === name;
  };
  const podLabels = targets
    .map(({ object }) => templateLabels(object))
    .filter((labels) => labels !== undefined);
  const selects = (finding: Finding): boolean => {
    if (finding.object.kind !== "Service") return false;
    const service = byKey.get(key("Service", finding.object.namespace, finding.object.name));
    const selector = (service?.spec as { selector?: Record<string, string> } | undefined)?.selector;
    return podLabels.some((labels) => labelsMatch(selector, labels));
  };
  const own = findings.filter(
    (finding) => owns(finding.object.kind, finding.object.namespace, finding.object.name) || selects(finding),
  );
  // What the workload talks to through its env: a broken dependency is its trouble too ("frontend → catalog").
  const dependencies = envDependencies(
    targets
      .map(({ object }) => object)
      .filter((object) => object.kind !== "Service" && object.kind !== "Pod"),
    snapshot.services,
  );
  const reached = findings.flatMap((finding) => {
    if (finding.object.kind !== "Service" || own.includes(finding)) return [];
    const dependency = dependencies.find(
      (entry) => entry.service === finding.object.name && entry.namespace === finding.object.namespace,
    );
    return dependency ? [withDependent(finding, dependency)] : [];
  });
  return [...own, ...reached];
}

function key(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ""}/${name}`;
}

const KIND_OF: Record<string, string> = {
  pods: "Pod",
  nodes: "Node",
  deployments: "Deployment",
  statefulsets: "StatefulSet",
  daemonsets: "DaemonSet",
  replicasets: "ReplicaSet",
  jobs: "Job",
  cronjobs: "CronJob",
  persistentvolumeclaims: "PersistentVolumeClaim",
  services: "Service",
  endpoints: "Endpoints",
  horizontalpodautoscalers: "HorizontalPodAutoscaler",
  poddisruptionbudgets: "PodDisruptionBudget",
  ingresses: "Ingress",
};

function kindOf(plural: string, object: KubeObject): string {
  return object.kind ?? KIND_OF[plural] ?? plural;
}

function templateLabels(object: KubeObject): Record<string, string> | undefined {
  const spec = object.spec as { template?: { metadata?: { labels?: Record<string, string> } } } | undefined;
  return spec?.template?.metadata?.labels;
}

/** Deterministic order: severity, then namespace, name, reason. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      (a.object.namespace ?? "").localeCompare(b.object.namespace ?? "") ||
      a.object.name.localeCompare(b.object.name) ||
      a.reason.localeCompare(b.reason),
  );
}
