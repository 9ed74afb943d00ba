import { readdir } from "node:fs/promises";
import { basename, join } from "node:path";
import type { CapturedLogs } from "./captured-logs.js";
import type { KindHint, ObjectCollector } from "./collect-objects.js";
import { readDocuments, readLogTail, readText } from "./read-files.js";

const v1 = (kind: string): KindHint => ({ apiVersion: "v1", kind });
const apps = (kind: string): KindHint => ({ apiVersion: "apps/v1", kind });

/** troubleshoot.sh's `cluster-resources/<folder>/<namespace>.json` folders and the kind their lists hold. */
const namespacedFolders: Record<string, KindHint> = {
  pods: v1("Pod"),
  services: v1("Service"),
  endpoints: v1("Endpoints"),
  events: v1("Event"),
  configmaps: v1("ConfigMap"),
  serviceaccounts: v1("ServiceAccount"),
  pvcs: v1("PersistentVolumeClaim"),
  "replication-controllers": v1("ReplicationController"),
  deployments: apps("Deployment"),
  statefulsets: apps("StatefulSet"),
  daemonsets: apps("DaemonSet"),
  replicasets: apps("ReplicaSet"),
  jobs: { apiVersion: "batch/v1", kind: "Job" },
  cronjobs: { apiVersion: "batch/v1", kind: "CronJob" },
  ingress: { apiVersion: "networking.k8s.io/v1", kind: "Ingress" },
  "network-policy": { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy" },
  "pod-disruption-budgets": { apiVersion: "policy/v1", kind: "PodDisruptionBudget" },
  horizontalpodautoscalers: { apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler" },
};

/** `cluster-resources/<file>.json` files of cluster-scoped kinds. */
const clusterFiles: Record<string, KindHint> = {
  "namespaces.json": v1("Namespace"),
  "nodes.json": v1("Node"),
  "pvs.json": v1("PersistentVolume"),
  "storage-classes.json": { apiVersion: "storage.k8s.io/v1", kind: "StorageClass" },
  "custom-resource-definitions.json": {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
  },
};

// What a bundle holds that is not a cluster object: API resource lists, RBAC checks, collector errors.
const notObjects = new Set([
  "auth-cani-list",
  "resources.json",
  "groups.json",
  "secrets",
  "image-pull-secrets",
]);
const isData = (name: string) => /\.(json|ya?ml)$/i.test(name) && !/-errors\.json$/i.test(name);

async function entries(dir: string) {
  return readdir(dir, { withFileTypes: true }).catch(() => []);
}

async function loadClusterResources(root: string, objects: ObjectCollector): Promise<void> {
  const dir = join(root, "cluster-resources");
  for (const entry of await entries(dir)) {
    if (entry.name === "secrets" || entry.name === "image-pull-secrets")
      objects.note(`cluster-resources/${entry.name}: not read (Secrets are never served)`);
    if (notObjects.has(entry.name) || entry.name === "pods" || entry.name === "custom-resources") continue;
    const path = join(dir, entry.name);
    if (entry.isFile() && isData(entry.name)) {
      for (const document of await readDocuments(path))
        objects.add(document, `cluster-resources/${entry.name}`, clusterFiles[entry.name]);
    } else if (entry.isDirectory()) {
      await loadNamespacedFolder(
        path,
        `cluster-resources/${entry.name}`,
        objects,
        namespacedFolders[entry.name],
      );
    }
  }
  // Pods sit beside their logs folder.
  await loadNamespacedFolder(join(dir, "pods"), "cluster-resources/pods", objects, namespacedFolders.pods);
}

async function loadNamespacedFolder(
  dir: string,
  label: string,
  objects: ObjectCollector,
  hint: KindHint | undefined,
): Promise<void> {
  for (const entry of await entries(dir)) {
    if (!entry.isFile() || !isData(entry.name)) continue;
    for (const document of await readDocuments(join(dir, entry.name)))
      objects.add(document, `${label}/${entry.name}`, hint);
  }
}

/** `custom-resources/<plural.group>/<namespace>.{json,yaml}` (and `<plural.group>.yaml` for cluster-scoped ones). */
async function loadCustomResources(root: string, objects: ObjectCollector): Promise<void> {
  for (const base of ["cluster-resources/custom-resources", "custom-resources"]) {
    const dir = join(root, base);
    for (const entry of await entries(dir)) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await loadNamespacedFolder(path, `${base}/${entry.name}`, objects, undefined);
      else if (entry.isFile() && isData(entry.name))
        for (const document of await readDocuments(path)) objects.add(document, `${base}/${entry.name}`);
    }
  }
}

/** `pods/logs/<namespace>/<pod>/<container>.log` and `<container>-previous.log`. */
async function loadPodLogs(root: string, logs: CapturedLogs): Promise<void> {
  for (const base of ["cluster-resources/pods/logs", "pods/logs"]) {
    const dir = join(root, base);
    for (const namespace of await entries(dir)) {
      if (!namespace.isDirectory()) continue;
      for (const pod of await entries(join(dir, namespace.name))) {
        if (!pod.isDirectory()) continue;
        for (const file of await entries(join(dir, namespace.name, pod.name))) {
          const match = /^(.+?)(-previous)?\.log$/.exec(file.name);
          if (!file.isFile() || !match) continue;
          const text = await readLogTail(join(dir, namespace.name, pod.name, file.name));
          logs.add(namespace.name, pod.name, match[1], text, match[2] !== undefined);
        }
      }
    }
  }
}

/** The server version the bundle recorded (`cluster-info/cluster_version.json`), for `/version`. */
async function clusterVersion(root: string): Promise<Record<string, unknown> | undefined> {
  const text = await readText(join(root, "cluster-info", "cluster_version.json")).catch(() => undefined);
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text);
    return typeof parsed?.info === "object" && parsed.info !== null ? parsed.info : undefined;
  } catch {
    return undefined;
  }
}

/** A troubleshoot.sh support bundle, extracted. */
export async function loadSupportBundle(
  root: string,
  objects: ObjectCollector,
  logs: CapturedLogs,
): Promise<{ version?: Record<string, unknown>; name: string }> {
  await loadClusterResources(root, objects);
  await loadCustomResources(root, objects);
  await loadPodLogs(root, logs);
  return { version: await clusterVersion(root), name: basename(root) };
}
