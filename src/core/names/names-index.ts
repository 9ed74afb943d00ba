import type { Clock, Cluster, ClusterNames, ResourceType } from "../ports.js";

/** The kinds whose names questions use; pods are found through these (a pod's name starts with its workload's). */
const NAMED_KINDS = [
  "deployments",
  "statefulsets",
  "daemonsets",
  "jobs",
  "cronjobs",
  "services",
  "ingresses",
  "persistentvolumeclaims",
  "horizontalpodautoscalers",
  "poddisruptionbudgets",
  "configmaps",
];

export interface NamesIndexOptions {
  clock: Clock;
  /** How long one read of the names serves questions (a new deployment shows up within this). */
  ttlMs?: number;
  /** At most this many object names per cluster: a bounded index for very big clusters. */
  maxNames?: number;
}

export interface NamesIndex {
  /** The cluster's names, read through the cluster port and cached; undefined when nothing could be read. */
  namesFor(cluster: Cluster): Promise<ClusterNames | undefined>;
}

/** A names index per cluster, read with a few list calls (names only) and kept for a short TTL. */
export function createNamesIndex(options: NamesIndexOptions): NamesIndex {
  const ttlMs = options.ttlMs ?? 30_000;
  const maxNames = options.maxNames ?? 20_000;
  const cached = new Map<string, { until: number; names: Promise<ClusterNames | undefined> }>();
  return {
    namesFor(cluster) {
      const now = options.clock.now();
      const hit = cached.get(cluster.name);
      if (hit && hit.until > now) return hit.names;
      const names = readNames(cluster, maxNames).catch(() => undefined);
      cached.set(cluster.name, { until: now + ttlMs, names });
      return names;
    },
  };
}

async function readNames(cluster: Cluster, maxNames: number): Promise<ClusterNames | undefined> {
  const types = await cluster.resourceTypes();
  const byPlural = new Map(types.map((type) => [type.plural, type]));
  const read = async (plural: string): Promise<string[] | undefined> => {
    const type = byPlural.get(plural);
    // A kind the cluster does not serve has no names; one it serves but will not list leaves the index incomplete.
    if (!type) return [];
    if (!type.verbs.includes("list")) return undefined;
    return namesOf(cluster, type);
  };
  const [namespaces, nodes, ...lists] = await Promise.all([
    read("namespaces"),
    read("nodes"),
    ...NAMED_KINDS.map(read),
  ]);
  if (!namespaces && !nodes && lists.every((list) => !list)) return undefined;
  const objects = new Map<string, string[]>();
  let complete = namespaces !== undefined && nodes !== undefined && lists.every((list) => list !== undefined);
  NAMED_KINDS.forEach((plural, index) => {
    for (const name of lists[index] ?? []) {
      const kinds = objects.get(name);
      if (kinds) {
        if (!kinds.includes(plural)) kinds.push(plural);
      } else if (objects.size < maxNames) objects.set(name, [plural]);
      else complete = false;
    }
  });
  return { namespaces: new Set(namespaces ?? []), nodes: new Set(nodes ?? []), objects, complete };
}

/** Names only; a kind the identity may not list (a namespaced Role) is left out rather than failing the index. */
async function namesOf(cluster: Cluster, type: ResourceType): Promise<string[] | undefined> {
  try {
    return (await cluster.listTable(type, {})).rows.map((row) => row.name);
  } catch {
    return undefined;
  }
}
