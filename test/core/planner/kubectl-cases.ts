import type { PlannerCase } from "./planner-case.js";

/** kubectl syntax, alone or inside a sentence. */
export const kubectlCases: PlannerCase[] = [
  [
    "kubectl get pods -n kube-system -l k8s-app=kube-dns",
    [["get_resources", { kind: "pods", namespace: "kube-system", label_selector: "k8s-app=kube-dns" }]],
  ],
  [
    "kubectl describe po coredns-abc -n kube-system",
    [["describe_resource", { kind: "pods", name: "coredns-abc", namespace: "kube-system" }]],
  ],
  [
    "kubectl logs web-1 -c sidecar --tail=20 -n shop",
    [["get_pod_logs", { name: "web-1", container: "sidecar", tail_lines: 20, namespace: "shop" }]],
  ],
  [
    "kubectl logs -p api-0 -n payments",
    [["get_pod_logs", { name: "api-0", namespace: "payments", previous: true }]],
  ],
  [
    "kubectl logs api-0 --previous --tail 30",
    [["get_pod_logs", { name: "api-0", previous: true, tail_lines: 30 }]],
  ],
  [
    "kubectl get deploy api -n payments -o yaml",
    [["get_manifest", { kind: "deployments", name: "api", namespace: "payments" }]],
  ],
  [
    "kubectl top pods -A --sort-by=memory",
    [["top", { kind: "pods", all_namespaces: true, sort_by: "memory" }]],
  ],
  [
    "kubectl get events -n shop --field-selector type=Warning",
    [["get_events", { namespace: "shop", type: "Warning" }]],
  ],
  [
    "kubectl get pods --field-selector=status.phase=Pending -A",
    [["get_resources", { kind: "pods", all_namespaces: true, field_selector: "status.phase=Pending" }]],
  ],
  [
    "kubectl get svc,ing -n web",
    [
      ["get_resources", { kind: "services", namespace: "web" }],
      ["get_resources", { kind: "ingresses", namespace: "web" }],
    ],
  ],
  ["kubectl get nodes -o wide", [["get_resources", { kind: "nodes" }]]],
  ["kubectl get pod/web-1 -n shop", [["get_resources", { kind: "pods", name: "web-1", namespace: "shop" }]]],
  ["kubectl describe node/worker-1", [["describe_resource", { kind: "nodes", name: "worker-1" }]]],
  ["kubectl get ns", [["get_resources", { kind: "namespaces" }]]],
  ["kubectl get cm -n kube-system", [["get_resources", { kind: "configmaps", namespace: "kube-system" }]]],
  [
    "kubectl logs deploy/api -n payments --since=1h",
    [["get_pod_logs", { name: "api", namespace: "payments", since_seconds: 3600 }]],
  ],
  ["kubectl get pods --all-namespaces", [["get_resources", { kind: "pods", all_namespaces: true }]]],
  ["kubectl top node", [["top", { kind: "nodes" }]]],
  [
    "kubectl get sts,ds -n kube-system",
    [
      ["get_resources", { kind: "statefulsets", namespace: "kube-system" }],
      ["get_resources", { kind: "daemonsets", namespace: "kube-system" }],
    ],
  ],
  ["kubectl get no", [["get_resources", { kind: "nodes" }]]],
  [
    "kubectl get pvc --namespace=data",
    [["get_resources", { kind: "persistentvolumeclaims", namespace: "data" }]],
  ],
  ["kubectl get hpa -nshop", [["get_resources", { kind: "horizontalpodautoscalers", namespace: "shop" }]]],
  ["kubectl get ev -A", [["get_events", { all_namespaces: true }]]],
  [
    "kubectl get pods -n shop --field-selector spec.nodeName=worker-1",
    [["get_resources", { kind: "pods", namespace: "shop", field_selector: "spec.nodeName=worker-1" }]],
  ],
  ["kubectl get deployments.apps -n shop", [["get_resources", { kind: "deployments", namespace: "shop" }]]],
  [
    "what does kubectl get pods -n payments show?",
    [["get_resources", { kind: "pods", namespace: "payments" }]],
  ],
  [
    "kubectl get ingress web -n web -o json",
    [["get_manifest", { kind: "ingresses", name: "web", namespace: "web" }]],
  ],
  [
    "list pods -n shop -l app=web,tier=fe",
    [["get_resources", { kind: "pods", namespace: "shop", label_selector: "app=web,tier=fe" }]],
  ],
  ["kubectl logs -f api-0", [["get_pod_logs", { name: "api-0" }]]],
  [
    "kubectl logs api-0 -c app -n payments --since=10m",
    [["get_pod_logs", { name: "api-0", container: "app", namespace: "payments", since_seconds: 600 }]],
  ],
  ["kubectl get events --sort-by=.lastTimestamp -n shop", [["get_events", { namespace: "shop" }]]],
  ["kubectl top pod -n shop --sort-by=cpu", [["top", { kind: "pods", namespace: "shop", sort_by: "cpu" }]]],
  ["kubectl cluster-info", [["cluster_overview", {}]]],
  ["kubectl get ns kube-system", [["get_resources", { kind: "namespaces", name: "kube-system" }]]],
  ["kubectl rollout history deploy/api", [["rollout_status", { kind: "deployments", name: "api" }]]],
  // `get all` is kubectl's `all` category (replicationcontrollers and HPAs left out), a call per kind.
  ...[
    ["kubectl get all -n shop", { namespace: "shop" }],
    ["get all in payments", { namespace: "payments" }],
    ["k get all -A", { all_namespaces: true }],
    ["kubectl get all", {}],
  ].map(
    ([text, scope]): PlannerCase => [
      text as string,
      [
        "pods",
        "services",
        "daemonsets",
        "deployments",
        "replicasets",
        "statefulsets",
        "cronjobs",
        "jobs",
      ].map((kind) => ["get_resources", { kind, ...(scope as object) }]),
    ],
  ),
  ["get all pods in shop", [["get_resources", { kind: "pods", namespace: "shop" }]]],
  ["kubectl get all pods -A", [["get_resources", { kind: "pods", all_namespaces: true }]]],
];
