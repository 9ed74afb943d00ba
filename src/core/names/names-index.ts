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

/**
 * Kinds whose names only help read a question ("provisioner of premium-rwo", "what color is gizmo-red"): one the
 * identity may not list leaves them out without making the index incomplete. Custom resources are read up to a bound,
 * so a cluster with a hundred CRDs does not pay a hundred lists a refresh.
 */
const HINT_KINDS = ["storageclasses", "persistentvolumes", "networkpolicies"];
const MAX_CUSTOM_KINDS = 12;

export interface NamesIndexOptions {
  clock: Clock;
  /** How long one read of the names serves questions (a new deployment shows up within this). */
  ttlMs?: number;
  /** At most this many object names per cluster: a bounded index for very big clusters. */
  maxNames?: number;
  /**
   * How long a question waits for a first read before it is planned without names (the read goes on). Unset: the
   * first question waits for the whole read, so no read of names outlives the question that started it.
   */
  firstReadWaitMs?: number;
}

export interface NamesIndex {
  /** The cluster's names, read through the cluster port and cached; undefined when nothing could be read. */
  namesFor(cluster: Cluster): Promise<ClusterNames | undefined>;
}

interface Entry {
  until: number;
  reading: Promise<ClusterNames | undefined>;
  /** The last complete read, served while a newer one is on its way (a big cluster takes seconds). */
  last?: ClusterNames;
}

/**
 * A names index per cluster, read with a few list calls (names only) and kept for a short TTL. After the TTL the
 * last names still answer while they are read again, so no question waits for the index once it has been read.
 */
export function createNamesIndex(options: NamesIndexOptions): NamesIndex {
  const ttlMs = options.ttlMs ?? 30_000;
  const maxNames = options.maxNames ?? 20_000;
  const waitMs = options.firstReadWaitMs;
  const cached = new Map<string, Entry>();
  const refresh = (cluster: Cluster, last: ClusterNames | undefined): Entry => {
    const entry: Entry = { until: options.clock.now() + ttlMs, reading: Promise.resolve(undefined), last };
    entry.reading = readNames(cluster, maxNames)
      .catch(() => undefined)
      .then((names) => {
        if (names) entry.last = names;
        return names ?? last;
      });
    cached.set(cluster.name, entry);
    return entry;
  };
  return {
    async namesFor(cluster) {
      const hit = cached.get(cluster.name);
      if (hit && hit.until > options.clock.now()) return hit.last ?? hit.reading;
      const entry = refresh(cluster, hit?.last);
      if (entry.last) return entry.last;
      return waitMs === undefined ? entry.reading : firstOf(entry.reading, waitMs);
    },
  };
}

function firstOf(
  reading: Promise<ClusterNames | undefined>,
  waitMs: number,
): Promise<ClusterNames | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), waitMs);
    timer.unref?.();
  });
  return Promise.race([reading, waited]).finally(() => clearTimeout(timer));
}

async function readNames(cluster: Cluster, maxNames: number): Promise<ClusterNames | undefined> {
  const types = await cluster.resourceTypes();
  // metrics.k8s.io serves "nodes" and "pods" too (only those with metrics: a NotReady node has none): a plural is
  // read from the core group, else from the first group discovery lists.
  const byPlural = new Map<string, ResourceType>();
  for (const type of types) {
    const seen = byPlural.get(type.plural);
    if (!seen || (seen.group !== "" && type.group === "")) byPlural.set(type.plural, type);
  }
  const containers = new Map<string, string[]>();
  const read = async (plural: string): Promise<string[] | undefined> => {
    const type = byPlural.get(plural);
    // A kind the cluster does not serve has no names; one it serves but will not list leaves the index incomplete.
    if (!type) return [];
    if (!type.verbs.includes("list")) return undefined;
    return namesOf(cluster, type, containers);
  };
  const hintKinds = [...HINT_KINDS, ...customPlurals(types)];
  const [namespaces, nodes, ...lists] = await Promise.all([
    read("namespaces"),
    read("nodes"),
    ...NAMED_KINDS.map(read),
    ...hintKinds.map(async (plural) => (await read(plural)) ?? []),
  ]);
  const kinds = [...NAMED_KINDS, ...hintKinds];
  if (!namespaces && !nodes && lists.every((list) => !list)) return undefined;
  const objects = new Map<string, string[]>();
  let complete = namespaces !== undefined && nodes !== undefined && lists.every((list) => list !== undefined);
  kinds.forEach((plural, index) => {
    for (const name of lists[index] ?? []) {
      const kinds = objects.get(name);
      if (kinds) {
        if (!kinds.includes(plural)) kinds.push(plural);
      } else if (objects.size < maxNames) objects.set(name, [plural]);
      else complete = false;
    }
  });
  const exactOnly = new Set(
    [...objects]
      .filter(([, found]) => found.every((kind) => !NAMED_KINDS.includes(kind)))
      .map(([name]) => name),
  );
  return {
    namespaces: new Set(namespaces ?? []),
    nodes: new Set(nodes ?? []),
    objects,
    exactOnly,
    containers,
    complete,
  };
}

/** The custom resources' plurals (groups outside Kubernetes' own), the first few discovery lists. */
function customPlurals(types: readonly ResourceType[]): string[] {
  const custom = types.filter(
    (type) =>
      type.group !== "" &&
      !type.group.endsWith(".k8s.io") &&
      !BUILTIN_GROUPS.has(type.group) &&
      type.verbs.includes("list"),
  );
  return [...new Set(custom.map((type) => type.plural))].slice(0, MAX_CUSTOM_KINDS);
}

const BUILTIN_GROUPS = new Set(["apps", "batch", "autoscaling", "policy", "extensions"]);

/**
 * Names only (and, from a workload's Containers column, its containers' names); a kind the identity may not list (a
 * namespaced Role) is left out rather than failing the index.
 */
async function namesOf(
  cluster: Cluster,
  type: ResourceType,
  containers: Map<string, string[]>,
): Promise<string[] | undefined> {
  try {
    const table = await cluster.listTable(type, {});
    const column = table.columns.findIndex((entry) => entry.name.toLowerCase() === "containers");
    if (column >= 0 && containers.size < MAX_CONTAINER_NAMES)
      for (const row of table.rows) addContainers(containers, row.name, row.cells[column]);
    return table.rows.map((row) => row.name);
  } catch {
    return undefined;
  }
}

const MAX_CONTAINER_NAMES = 2_000;

function addContainers(containers: Map<string, string[]>, workload: string, cell: unknown): void {
  if (typeof cell !== "string") return;
  for (const container of cell.split(",")) {
    const name = container.trim();
    if (!name || name === workload) continue;
    const owners = containers.get(name) ?? [];
    if (!owners.includes(workload)) containers.set(name, [...owners, workload]);
  }
}
