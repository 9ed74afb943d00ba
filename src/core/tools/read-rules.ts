import type { RbacRule } from "./define-tool.js";

/** The kinds TOOLS.md names, by API group: what `get_resources` and `describe_resource` may read. Never secrets. */
export const STANDARD_KINDS: Record<string, string[]> = {
  "": [
    "pods",
    "services",
    "endpoints",
    "nodes",
    "namespaces",
    "configmaps",
    "persistentvolumeclaims",
    "persistentvolumes",
    "events",
    "serviceaccounts",
    "replicationcontrollers",
  ],
  apps: ["deployments", "statefulsets", "daemonsets", "replicasets"],
  batch: ["jobs", "cronjobs"],
  "networking.k8s.io": ["ingresses", "networkpolicies"],
  "storage.k8s.io": ["storageclasses"],
  autoscaling: ["horizontalpodautoscalers"],
  policy: ["poddisruptionbudgets"],
  "apiextensions.k8s.io": ["customresourcedefinitions"],
  "events.k8s.io": ["events"],
};

/** Discovery and /version: every tool resolves kinds through them. */
export const DISCOVERY_RULE: RbacRule = {
  nonResourceURLs: ["/api", "/api/*", "/apis", "/apis/*", "/version"],
  verbs: ["get"],
};

export const STANDARD_READ_RULES: RbacRule[] = [
  ...Object.entries(STANDARD_KINDS).map(
    ([group, resources]): RbacRule => ({
      apiGroups: [group],
      resources,
      verbs: ["get", "list"],
    }),
  ),
  DISCOVERY_RULE,
];

export function readRule(
  group: string,
  resources: string[],
  verbs: RbacRule["verbs"] = ["get", "list"],
): RbacRule {
  return { apiGroups: [group], resources, verbs };
}
