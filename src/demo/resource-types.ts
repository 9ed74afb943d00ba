/** The resource types the simulated cluster serves, as discovery reports them. */
export interface ServedType {
  group: string;
  version: string;
  plural: string;
  singular: string;
  kind: string;
  shortNames: string[];
  namespaced: boolean;
  verbs: string[];
  categories?: string[];
  /** Subresources served for this type (`log` for pods). */
  subresources?: string[];
}

const read = ["get", "list", "watch"];

function served(
  group: string,
  version: string,
  kind: string,
  plural: string,
  shortNames: string[],
  namespaced: boolean,
  extra: Partial<ServedType> = {},
): ServedType {
  return {
    group,
    version,
    kind,
    plural,
    singular: kind.toLowerCase(),
    shortNames,
    namespaced,
    verbs: read,
    ...extra,
  };
}

const all = { categories: ["all"] };

export const servedTypes: ServedType[] = [
  served("", "v1", "Pod", "pods", ["po"], true, { ...all, subresources: ["log"] }),
  served("", "v1", "Service", "services", ["svc"], true, all),
  served("", "v1", "Endpoints", "endpoints", ["ep"], true, { singular: "endpoints" }),
  served("", "v1", "Node", "nodes", ["no"], false),
  served("", "v1", "Namespace", "namespaces", ["ns"], false),
  served("", "v1", "ConfigMap", "configmaps", ["cm"], true),
  served("", "v1", "Secret", "secrets", [], true),
  served("", "v1", "Event", "events", ["ev"], true),
  served("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", ["pvc"], true),
  served("", "v1", "PersistentVolume", "persistentvolumes", ["pv"], false),
  served("", "v1", "ServiceAccount", "serviceaccounts", ["sa"], true),
  served("", "v1", "ReplicationController", "replicationcontrollers", ["rc"], true, all),
  served("apps", "v1", "Deployment", "deployments", ["deploy"], true, all),
  served("apps", "v1", "ReplicaSet", "replicasets", ["rs"], true, all),
  served("apps", "v1", "StatefulSet", "statefulsets", ["sts"], true, all),
  served("apps", "v1", "DaemonSet", "daemonsets", ["ds"], true, all),
  served("apps", "v1", "ControllerRevision", "controllerrevisions", [], true),
  served("batch", "v1", "Job", "jobs", [], true, all),
  served("batch", "v1", "CronJob", "cronjobs", ["cj"], true, all),
  served("networking.k8s.io", "v1", "Ingress", "ingresses", ["ing"], true),
  served("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", ["netpol"], true),
  served("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", ["hpa"], true, all),
  served("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", ["pdb"], true),
  served("storage.k8s.io", "v1", "StorageClass", "storageclasses", ["sc"], false),
  served(
    "apiextensions.k8s.io",
    "v1",
    "CustomResourceDefinition",
    "customresourcedefinitions",
    ["crd", "crds"],
    false,
  ),
  served("events.k8s.io", "v1", "Event", "events", [], true),
  served("metrics.k8s.io", "v1beta1", "NodeMetrics", "nodes", [], false, { verbs: ["get", "list"] }),
  served("metrics.k8s.io", "v1beta1", "PodMetrics", "pods", [], true, { verbs: ["get", "list"] }),
  served("authorization.k8s.io", "v1", "SelfSubjectAccessReview", "selfsubjectaccessreviews", [], false, {
    verbs: ["create"],
  }),
  served("authorization.k8s.io", "v1", "SelfSubjectRulesReview", "selfsubjectrulesreviews", [], false, {
    verbs: ["create"],
  }),
  served("example.com", "v1", "Widget", "widgets", ["wd"], true),
];

export function typeKey(type: Pick<ServedType, "group" | "plural">): string {
  return type.group === "" ? type.plural : `${type.plural}.${type.group}`;
}

export function apiVersionOf(type: Pick<ServedType, "group" | "version">): string {
  return type.group === "" ? type.version : `${type.group}/${type.version}`;
}

/** A set of served types: the built-in demo's, or those a snapshot holds (its CRDs' types included). */
export class TypeRegistry {
  constructor(readonly types: ServedType[]) {}

  find(group: string, version: string, plural: string): ServedType | undefined {
    return this.types.find((t) => t.group === group && t.version === version && t.plural === plural);
  }

  /** The type that stores objects of this apiVersion/kind (events.k8s.io events are served from core events). */
  forKind(apiVersion: string, kind: string): ServedType | undefined {
    return this.types.find((t) => apiVersionOf(t) === apiVersion && t.kind === kind);
  }

  groupVersions(): { group: string; version: string }[] {
    const seen = new Map<string, { group: string; version: string }>();
    for (const t of this.types) seen.set(`${t.group}/${t.version}`, { group: t.group, version: t.version });
    return [...seen.values()];
  }
}

export const builtinTypes = new TypeRegistry(servedTypes);

export function findServedType(group: string, version: string, plural: string): ServedType | undefined {
  return builtinTypes.find(group, version, plural);
}

export function typeForKind(apiVersion: string, kind: string): ServedType | undefined {
  return builtinTypes.forKind(apiVersion, kind);
}

export function groupVersions(): { group: string; version: string }[] {
  return builtinTypes.groupVersions();
}
