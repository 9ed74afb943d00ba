import { isCodedError } from "../../core/errors.js";
import type { Cluster, ClusterSet } from "../../core/ports.js";
import type { PrometheusMetrics } from "./prometheus.js";

type ClusterMetrics = Pick<PrometheusMetrics, "clusterRequests" | "clusterRequestSeconds">;

/** A Cluster that counts and times every API request it makes; results and errors pass through unchanged. */
export function instrumentCluster(cluster: Cluster, metrics: ClusterMetrics): Cluster {
  const timed = async <T>(verb: string, resource: string, request: () => Promise<T>): Promise<T> => {
    const stopTimer = metrics.clusterRequestSeconds.startTimer({ verb });
    let status = "ok";
    try {
      return await request();
    } catch (error) {
      status = isCodedError(error) ? error.code : "error";
      throw error;
    } finally {
      stopTimer();
      metrics.clusterRequests.inc({ cluster: cluster.name, verb, resource, status });
    }
  };

  return {
    get name() {
      return cluster.name;
    },
    resourceTypes: () => timed("discovery", "", () => cluster.resourceTypes()),
    listTable: (type, options) => timed("list", type.plural, () => cluster.listTable(type, options)),
    list: (type, options) => timed("list", type.plural, () => cluster.list(type, options)),
    get: (type, name, namespace) => timed("get", type.plural, () => cluster.get(type, name, namespace)),
    podLogs: (options) => timed("get", "pods/log", () => cluster.podLogs(options)),
    nodeMetrics: () => timed("list", "nodes.metrics.k8s.io", () => cluster.nodeMetrics()),
    podMetrics: (namespace) => timed("list", "pods.metrics.k8s.io", () => cluster.podMetrics(namespace)),
    version: () => timed("get", "version", () => cluster.version()),
  };
}

/** A ClusterSet whose clusters are instrumented; each cluster is wrapped once. */
export function instrumentClusterSet(clusters: ClusterSet, metrics: ClusterMetrics): ClusterSet {
  const wrapped = new WeakMap<Cluster, Cluster>();
  return {
    get defaultName() {
      return clusters.defaultName;
    },
    names: () => clusters.names(),
    get(name) {
      const cluster = clusters.get(name);
      let instrumented = wrapped.get(cluster);
      if (!instrumented) {
        instrumented = instrumentCluster(cluster, metrics);
        wrapped.set(cluster, instrumented);
      }
      return instrumented;
    },
  };
}
