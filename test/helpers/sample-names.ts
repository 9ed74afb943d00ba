import type { ClusterNames, KubeObject } from "../../src/core/ports.js";
import { buildSampleCluster } from "../../src/demo/sample-data.js";

const PLURALS: Record<string, string> = {
  Deployment: "deployments",
  StatefulSet: "statefulsets",
  DaemonSet: "daemonsets",
  Job: "jobs",
  CronJob: "cronjobs",
  Service: "services",
  Ingress: "ingresses",
  PersistentVolumeClaim: "persistentvolumeclaims",
  HorizontalPodAutoscaler: "horizontalpodautoscalers",
  PodDisruptionBudget: "poddisruptionbudgets",
  ConfigMap: "configmaps",
};

/** ClusterNames from objects, as the names index would read them from a cluster holding them. */
export function namesOf(
  objects: readonly KubeObject[],
  extraNamespaces: readonly string[] = [],
): ClusterNames {
  const namespaces = new Set(extraNamespaces);
  const nodes = new Set<string>();
  const found = new Map<string, string[]>();
  for (const object of objects) {
    const { name } = object.metadata;
    if (object.kind === "Namespace") namespaces.add(name);
    else if (object.kind === "Node") nodes.add(name);
    const plural = PLURALS[object.kind ?? ""];
    if (!plural) continue;
    const kinds = found.get(name) ?? [];
    if (!kinds.includes(plural)) kinds.push(plural);
    found.set(name, kinds);
  }
  return { namespaces, nodes, objects: found, complete: true };
}

/** The demo cluster's names. */
export function sampleNames(): ClusterNames {
  return namesOf(buildSampleCluster({ now: Date.parse("2026-12-01T12:00:00Z") }).objects);
}
