import { KubeConfig } from "@kubernetes/client-node";
import { CodedError, errorMessage } from "../../core/errors.js";
import type { Cluster, ClusterSet } from "../../core/ports.js";
import { createKubeCluster } from "./kube-cluster.js";
import { createKubeHttp } from "./kube-http.js";

export interface ClusterSetSettings {
  /** An explicit kubeconfig file; otherwise KUBECONFIG, ~/.kube/config, then the in-cluster ServiceAccount. */
  kubeconfig?: string;
  /** The default context; otherwise the kubeconfig's current context. */
  context?: string;
  requestTimeoutMs: number;
}

/** Every context of the kubeconfig is one cluster of the set, named after the context. */
export function createClusterSet(settings: ClusterSetSettings): ClusterSet {
  const kubeConfig = loadKubeConfig(settings.kubeconfig);
  const names = kubeConfig.getContexts().map((context) => context.name);
  if (names.length === 0) throw new CodedError("config", "The kubeconfig has no contexts");
  const defaultName =
    settings.context ??
    (names.includes(kubeConfig.getCurrentContext()) ? kubeConfig.getCurrentContext() : names[0]);
  if (!names.includes(defaultName)) {
    throw new CodedError(
      "config",
      `Context "${defaultName}" is not in the kubeconfig; its contexts: ${names.join(", ")}`,
    );
  }
  const clusters = new Map<string, Cluster>();
  return {
    defaultName,
    names: () => [...names],
    get(name = defaultName): Cluster {
      if (!names.includes(name)) {
        throw new CodedError("bad_request", `Unknown cluster "${name}"; known clusters: ${names.join(", ")}`);
      }
      let cluster = clusters.get(name);
      if (!cluster) {
        cluster = createKubeCluster(
          name,
          createKubeHttp(forContext(kubeConfig, name), settings.requestTimeoutMs),
        );
        clusters.set(name, cluster);
      }
      return cluster;
    },
  };
}

function loadKubeConfig(path: string | undefined): KubeConfig {
  const kubeConfig = new KubeConfig();
  try {
    if (path) kubeConfig.loadFromFile(path);
    else kubeConfig.loadFromDefault();
  } catch (error) {
    throw new CodedError(
      "config",
      `Cannot read the kubeconfig${path ? ` ${path}` : ""}: ${errorMessage(error)}`,
    );
  }
  return kubeConfig;
}

/** client-node authenticates with the current context, so each cluster gets its own copy. */
function forContext(source: KubeConfig, context: string): KubeConfig {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: source.getClusters(),
    users: source.getUsers(),
    contexts: source.getContexts(),
    currentContext: context,
  });
  return kubeConfig;
}
