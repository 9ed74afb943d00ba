import type { Alert } from "./alert-payload.js";

/** An object an alert's labels name, as tool arguments take it. */
export interface AlertTarget {
  kind: string;
  name?: string;
  namespace?: string;
  container?: string;
}

// Labels kube-state-metrics and kube-prometheus put on alerts, most specific first.
const objectLabels: [label: string, kind: string][] = [
  ["pod", "pods"],
  ["deployment", "deployments"],
  ["statefulset", "statefulsets"],
  ["daemonset", "daemonsets"],
  ["job_name", "jobs"],
  ["cronjob", "cronjobs"],
  ["persistentvolumeclaim", "persistentvolumeclaims"],
  ["horizontalpodautoscaler", "horizontalpodautoscalers"],
  ["service", "services"],
  ["node", "nodes"],
];

const clusterScoped = new Set(["nodes"]);

/** `10.0.0.11:9100` or `demo-worker-3:10250` → the host part, which node alerts carry in `instance`. */
function hostOf(instance: string): string {
  return instance.replace(/:\d+$/, "").replace(/^\[|\]$/g, "");
}

/**
 * The objects an alert is about, read from its labels: `pod` (with `container`), the workload
 * labels, `job_name`, `persistentvolumeclaim`, `service`, `node`; `instance` for node alerts; `job`
 * for TargetDown (the scrape job is named after its Service). A namespace alone is the namespace.
 */
export function alertTargets(alert: Alert): AlertTarget[] {
  const labels = alert.labels;
  const namespace = labels.namespace || labels.exported_namespace || undefined;
  const targets: AlertTarget[] = [];
  for (const [label, kind] of objectLabels) {
    const name = labels[label];
    if (!name) continue;
    // A pod's `service` label is the scrape target's Service, not what the alert is about.
    if (kind === "services" && targets.length > 0) continue;
    targets.push({
      kind,
      name,
      ...(clusterScoped.has(kind) ? {} : { namespace }),
      ...(kind === "pods" && labels.container ? { container: labels.container } : {}),
    });
  }
  const alertname = labels.alertname;
  if (targets.length === 0 && /^KubeNode|^Node/.test(alertname) && labels.instance)
    targets.push({ kind: "nodes", name: hostOf(labels.instance) });
  if (targets.length === 0 && alertname === "TargetDown" && labels.job && namespace)
    targets.push({ kind: "services", name: labels.job, namespace });
  if (targets.length === 0 && namespace) targets.push({ kind: "namespaces", namespace });
  return targets;
}

/** One line for the user: `pod shop/checkout-…` or `namespace payments`. */
export function describeTarget(target: AlertTarget): string {
  const kind = target.kind.replace(/s$/, "");
  if (target.kind === "namespaces") return `namespace ${target.namespace}`;
  return `${kind} ${target.namespace ? `${target.namespace}/` : ""}${target.name}`;
}
