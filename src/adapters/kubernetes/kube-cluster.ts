import { CodedError, isNotFound } from "../../core/errors.js";
import type {
  Cluster,
  ClusterVersion,
  KubeObject,
  ListOptions,
  PodLogOptions,
  ResourceType,
  UsageMetrics,
} from "../../core/ports.js";
import { resolveRequest } from "../../core/resource-request.js";
import { discoverResourceTypes } from "./discovery.js";
import type { KubeHttp } from "./kube-http.js";
import { type ListPage, listPages } from "./list-pages.js";
import { memoryBytes, parseQuantity } from "./quantity.js";
import { listTable } from "./table-list.js";

const DISCOVERY_TTL_MS = 5 * 60_000;
const POD_TYPE = { group: "", version: "v1", plural: "pods", namespaced: true } as const;
const METRICS_GROUP_VERSION = { group: "metrics.k8s.io", version: "v1beta1" } as const;

interface ObjectList extends ListPage {
  items?: KubeObject[];
}

interface MetricsList {
  items?: {
    metadata: { name: string; namespace?: string };
    usage?: Record<string, string>;
    containers?: { usage?: Record<string, string> }[];
  }[];
}

/** One kubeconfig context as a read-only Cluster. */
export function createKubeCluster(name: string, http: KubeHttp): Cluster {
  let discovery: { at: number; types: Promise<ResourceType[]> } | undefined;

  function resourceTypes(): Promise<ResourceType[]> {
    if (!discovery || Date.now() - discovery.at > DISCOVERY_TTL_MS) {
      const types = discoverResourceTypes(http);
      discovery = { at: Date.now(), types };
      // A failed discovery is not cached: the next question tries again.
      types.catch(() => {
        if (discovery?.types === types) discovery = undefined;
      });
    }
    return discovery.types;
  }

  async function list(type: ResourceType, options: ListOptions): Promise<KubeObject[]> {
    const objects: KubeObject[] = [];
    for await (const page of listPages<ObjectList>(http, type, options)) {
      for (const item of page.items ?? []) objects.push(withKind(item, type));
    }
    return objects;
  }

  async function get(type: ResourceType, objectName: string, namespace?: string): Promise<KubeObject> {
    const object = await http.getJson<KubeObject>({
      target: { kind: "resource", request: resolveRequest(type, { namespace, name: objectName }) },
    });
    return withKind(object, type);
  }

  async function podLogs(options: PodLogOptions): Promise<string> {
    const request = resolveRequest(POD_TYPE, {
      namespace: options.namespace,
      name: options.name,
      subresource: "log",
    });
    const { body } = await http.get({
      target: { kind: "resource", request },
      query: {
        container: options.container,
        tailLines: options.tailLines,
        previous: options.previous || undefined,
        sinceSeconds: options.sinceSeconds,
        limitBytes: options.limitBytes,
      },
      accept: "text/plain",
    });
    return body;
  }

  async function metrics(resource: "nodes" | "pods", namespace?: string): Promise<UsageMetrics[]> {
    const type = { ...METRICS_GROUP_VERSION, plural: resource, namespaced: resource === "pods" };
    try {
      const answer = await http.getJson<MetricsList>({
        target: { kind: "resource", request: resolveRequest(type, { namespace }) },
      });
      return (answer.items ?? []).map(toUsage);
    } catch (error) {
      if (isNotFound(error)) {
        throw new CodedError(
          "not_found",
          "This cluster serves no metrics (metrics.k8s.io): is metrics-server installed?",
        );
      }
      throw error;
    }
  }

  return {
    name,
    resourceTypes,
    listTable: (type, options) => listTable(http, type, options),
    list,
    get,
    podLogs,
    nodeMetrics: () => metrics("nodes"),
    podMetrics: (namespace) => metrics("pods", namespace),
    async version(): Promise<ClusterVersion> {
      const version = await http.getJson<ClusterVersion>({
        target: { kind: "version" },
        purpose: { verb: "get", resource: "version" },
      });
      return { gitVersion: version.gitVersion, platform: version.platform };
    },
  };
}

/** List items carry no apiVersion/kind; put them back so manifests read like kubectl's. */
function withKind(object: KubeObject, type: ResourceType): KubeObject {
  const apiVersion = type.group ? `${type.group}/${type.version}` : type.version;
  return { apiVersion, kind: type.kind, ...object, metadata: object.metadata ?? { name: "" } };
}

function toUsage(item: NonNullable<MetricsList["items"]>[number]): UsageMetrics {
  const usages = item.usage
    ? [item.usage]
    : (item.containers ?? []).map((container) => container.usage ?? {});
  return {
    name: item.metadata.name,
    namespace: item.metadata.namespace,
    // Unrounded: kubectl sums the containers' exact quantities and rounds the total once.
    cpuMillicores: usages.reduce((sum, usage) => sum + parseQuantity(usage.cpu) * 1000, 0),
    memoryBytes: usages.reduce((sum, usage) => sum + memoryBytes(usage.memory), 0),
  };
}
