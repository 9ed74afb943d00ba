import { CodedError } from "./errors.js";
import type { Cluster, KubeObject, ListOptions, ResourceTable, ResourceType } from "./ports.js";
import type { Scope } from "./question.js";
import { type RequestTarget, type ResourceRequest, resolveRequest } from "./resource-request.js";

/**
 * The cluster as one caller may see it. Every read is resolved first (names checked, Secrets refused), and the
 * scope is checked on that resolved request, not on a tool's arguments: a namespace-limited caller reads only its
 * namespaces, sees only those in namespace lists, and persistent volumes only when bound to a claim in scope.
 * Nodes, CRDs and other cluster-scoped kinds stay readable unless the scope hides them.
 */
export function scopedCluster(cluster: Cluster, scope: Scope): Cluster {
  const allowed = scope.namespaces ? new Set(scope.namespaces) : undefined;
  const inScope = (namespace: string | undefined) =>
    allowed === undefined || (namespace !== undefined && allowed.has(namespace));
  const outOfScope = (what: string) =>
    new CodedError(
      "out_of_scope",
      `${what} is outside what you may read here (allowed: ${allowed ? [...allowed].join(", ") || "none" : "every namespace"}).`,
    );

  /** The check every read passes; `filtered` kinds are read and then cut down to the scope. */
  function admit(type: Resolvable, target: RequestTarget): ResourceRequest {
    const request = resolveRequest(type, target);
    if (request.namespaced) {
      if (!inScope(request.namespace))
        throw outOfScope(request.namespace ? `Namespace ${request.namespace}` : "Every namespace at once");
      return request;
    }
    if (isCore(request, "namespaces")) {
      if (request.name !== undefined && !inScope(request.name)) throw outOfScope(`Namespace ${request.name}`);
      return request;
    }
    if (isCore(request, "persistentvolumes")) return request;
    if (scope.clusterScopedKinds === "hidden")
      throw outOfScope(
        `Cluster-scoped ${request.resource}${request.group ? `.${request.group}` : ""} (hidden in this channel)`,
      );
    return request;
  }

  /** A cluster-scoped object this caller may see: a namespace in scope, a volume bound to a claim in scope. */
  function visible(request: ResourceRequest, object: KubeObject): boolean {
    if (isCore(request, "namespaces")) return inScope(object.metadata.name);
    if (isCore(request, "persistentvolumes")) return inScope(claimNamespace(object));
    return true;
  }

  const filtersObjects = (request: ResourceRequest) =>
    allowed !== undefined && (isCore(request, "namespaces") || isCore(request, "persistentvolumes"));

  return {
    name: cluster.name,
    resourceTypes: () => cluster.resourceTypes(),
    version: () => cluster.version(),
    async list(type, options) {
      const request = admit(type, { namespace: options.namespace });
      const objects = await cluster.list(type, options);
      return filtersObjects(request) ? objects.filter((object) => visible(request, object)) : objects;
    },
    async listTable(type, options): Promise<ResourceTable> {
      const request = admit(type, { namespace: options.namespace });
      const table = await cluster.listTable(type, options);
      if (!filtersObjects(request)) return table;
      // Table rows carry names only: which volumes are bound where comes from the objects themselves.
      const names = isCore(request, "namespaces")
        ? new Set(table.rows.map((row) => row.name).filter(inScope))
        : new Set(
            (await cluster.list(type, listSelectors(options)))
              .filter((object) => visible(request, object))
              .map((object) => object.metadata.name),
          );
      return { ...table, rows: table.rows.filter((row) => names.has(row.name)) };
    },
    async get(type, name, namespace) {
      const request = admit(type, { name, namespace });
      const object = await cluster.get(type, name, namespace);
      if (filtersObjects(request) && !visible(request, object)) throw outOfScope(`${type.singular} ${name}`);
      return object;
    },
    async podLogs(options) {
      admit(POD_TYPE, { namespace: options.namespace, name: options.name, subresource: "log" });
      return cluster.podLogs(options);
    },
    async nodeMetrics() {
      admit(NODE_TYPE, {});
      return cluster.nodeMetrics();
    },
    async podMetrics(namespace) {
      admit(POD_TYPE, { namespace });
      return cluster.podMetrics(namespace);
    },
  };
}

type Resolvable = Pick<ResourceType, "group" | "version" | "plural" | "namespaced">;

const POD_TYPE: Resolvable = { group: "", version: "v1", plural: "pods", namespaced: true };
const NODE_TYPE: Resolvable = { group: "", version: "v1", plural: "nodes", namespaced: false };

function isCore(request: ResourceRequest, resource: string): boolean {
  return request.group === "" && request.resource === resource;
}

function claimNamespace(object: KubeObject): string | undefined {
  const spec = object.spec as { claimRef?: { namespace?: string } } | undefined;
  return spec?.claimRef?.namespace;
}

function listSelectors(options: ListOptions): ListOptions {
  return { labelSelector: options.labelSelector, fieldSelector: options.fieldSelector };
}
