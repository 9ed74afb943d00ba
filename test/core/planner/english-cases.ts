import type { PlannerCase } from "./planner-case.js";

/** English phrasings written to TOOLS.md's conventions (not the dev set's wording). */
export const englishCases: PlannerCase[] = [
  ["show me the pods in kube-system", [["get_resources", { kind: "pods", namespace: "kube-system" }]]],
  [
    "how many deployments are there in namespace shop?",
    [["get_resources", { kind: "deployments", namespace: "shop" }]],
  ],
  ["list all services", [["get_resources", { kind: "services", all_namespaces: true }]]],
  [
    "show running pods in shop",
    [["get_resources", { kind: "pods", namespace: "shop", field_selector: "status.phase=Running" }]],
  ],
  [
    "get pod coredns in kube-system",
    [["get_resources", { kind: "pods", name: "coredns", namespace: "kube-system" }]],
  ],
  [
    "describe the coredns pod in kube-system",
    [["describe_resource", { kind: "pods", name: "coredns", namespace: "kube-system" }]],
  ],
  ["describe service frontend", [["describe_resource", { kind: "services", name: "frontend" }]]],
  [
    "show me details about statefulset db in data",
    [["describe_resource", { kind: "statefulsets", name: "db", namespace: "data" }]],
  ],
  [
    "get the yaml for configmap app-config in shop",
    [["get_manifest", { kind: "configmaps", name: "app-config", namespace: "shop" }]],
  ],
  [
    "print the manifest of ingress web in web",
    [["get_manifest", { kind: "ingresses", name: "web", namespace: "web" }]],
  ],
  ["show logs for pod web-1", [["get_pod_logs", { name: "web-1" }]]],
  [
    "tail the logs of pod api-5f6d in payments",
    [["get_pod_logs", { name: "api-5f6d", namespace: "payments" }]],
  ],
  [
    "get the last 100 log lines of pod api-0 in payments",
    [["get_pod_logs", { name: "api-0", namespace: "payments", tail_lines: 100 }]],
  ],
  [
    "logs from the last 10 minutes for pod api-0 in payments",
    [["get_pod_logs", { name: "api-0", namespace: "payments", since_seconds: 600 }]],
  ],
  [
    "show logs of container nginx in pod web-1 in shop",
    [["get_pod_logs", { name: "web-1", namespace: "shop", container: "nginx" }]],
  ],
  [
    "logs from before the crash for pod api-0 in payments",
    [["get_pod_logs", { name: "api-0", namespace: "payments", previous: true }]],
  ],
  ["warning events in namespace shop", [["get_events", { namespace: "shop", type: "Warning" }]]],
  ["show events in default", [["get_events", { namespace: "default" }]]],
  ["list all events", [["get_events", { all_namespaces: true }]]],
  [
    "events for deployment checkout in shop",
    [["get_events", { kind: "deployments", name: "checkout", namespace: "shop" }]],
  ],
  [
    "which pods use the most memory in kube-system?",
    [["top", { kind: "pods", namespace: "kube-system", sort_by: "memory" }]],
  ],
  ["top pods across all namespaces", [["top", { kind: "pods", all_namespaces: true }]]],
  ["cpu usage of nodes", [["top", { kind: "nodes", sort_by: "cpu" }]]],
  ["show node resource usage", [["top", { kind: "nodes" }]]],
  ["cluster overview", [["cluster_overview", {}]]],
  ["is the cluster healthy?", [["cluster_overview", {}]]],
  [
    "what's wrong with pod web-1 in shop?",
    [["diagnose", { kind: "pods", name: "web-1", namespace: "shop" }]],
  ],
  [
    "troubleshoot deployment checkout in shop",
    [["diagnose", { kind: "deployments", name: "checkout", namespace: "shop" }]],
  ],
  [
    "why is deployment api not ready in payments?",
    [["diagnose", { kind: "deployments", name: "api", namespace: "payments" }]],
  ],
  ["diagnose namespace data", [["diagnose", { namespace: "data" }]]],
  ["any problems in kube-system?", [["diagnose", { namespace: "kube-system" }]]],
  ["are there crashlooping pods anywhere?", [["diagnose", { kind: "pods", all_namespaces: true }]]],
  [
    "pending pods in shop",
    [["get_resources", { kind: "pods", namespace: "shop", field_selector: "status.phase=Pending" }]],
  ],
  [
    "list failed pods across the cluster",
    [["get_resources", { kind: "pods", all_namespaces: true, field_selector: "status.phase=Failed" }]],
  ],
  [
    "pods on node worker-1",
    [["get_resources", { kind: "pods", all_namespaces: true, field_selector: "spec.nodeName=worker-1" }]],
  ],
  [
    "what's running on node worker-2?",
    [["get_resources", { kind: "pods", all_namespaces: true, field_selector: "spec.nodeName=worker-2" }]],
  ],
  [
    "show pods with label app=web in shop",
    [["get_resources", { kind: "pods", namespace: "shop", label_selector: "app=web" }]],
  ],
  [
    "list deployments labeled tier=frontend",
    [["get_resources", { kind: "deployments", label_selector: "tier=frontend" }]],
  ],
  [
    "show pods and deployments in payments",
    [
      ["get_resources", { kind: "pods", namespace: "payments" }],
      ["get_resources", { kind: "deployments", namespace: "payments" }],
    ],
  ],
  [
    "list services, ingresses and endpoints in web",
    [
      ["get_resources", { kind: "services", namespace: "web" }],
      ["get_resources", { kind: "ingresses", namespace: "web" }],
      ["get_resources", { kind: "endpoints", namespace: "web" }],
    ],
  ],
  ["get nodes", [["get_resources", { kind: "nodes" }]]],
  ["list persistent volumes", [["get_resources", { kind: "persistentvolumes" }]]],
  ["show storageclasses", [["get_resources", { kind: "storageclasses" }]]],
  ["list crds", [["get_resources", { kind: "customresourcedefinitions" }]]],
  [
    "list service accounts in kube-system",
    [["get_resources", { kind: "serviceaccounts", namespace: "kube-system" }]],
  ],
  ["show network policies in shop", [["get_resources", { kind: "networkpolicies", namespace: "shop" }]]],
  [
    "show pod disruption budgets in data",
    [["get_resources", { kind: "poddisruptionbudgets", namespace: "data" }]],
  ],
  ["list hpa in shop", [["get_resources", { kind: "horizontalpodautoscalers", namespace: "shop" }]]],
  ["list replicasets in shop", [["get_resources", { kind: "replicasets", namespace: "shop" }]]],
  ["list daemon sets in kube-system", [["get_resources", { kind: "daemonsets", namespace: "kube-system" }]]],
  ["show cron jobs in batch", [["get_resources", { kind: "cronjobs", namespace: "batch" }]]],
  ["how many nodes does the cluster have?", [["get_resources", { kind: "nodes" }]]],
  [
    "list configmaps in the kube-system namespace",
    [["get_resources", { kind: "configmaps", namespace: "kube-system" }]],
  ],
  ["show me everything that is wrong in the cluster", [["diagnose", { all_namespaces: true }]]],
  ["describe namespace kube-system", [["describe_resource", { kind: "namespaces", name: "kube-system" }]]],
  ["get namespace shop", [["get_resources", { kind: "namespaces", name: "shop" }]]],
  ["describe node worker-1", [["describe_resource", { kind: "nodes", name: "worker-1" }]]],
  ["show the yaml of pod web-1", [["get_manifest", { kind: "pods", name: "web-1" }]]],
  [
    "describe pvc data-db-0 in data",
    [["describe_resource", { kind: "persistentvolumeclaims", name: "data-db-0", namespace: "data" }]],
  ],
  [
    "why is pvc data-db-0 pending in data?",
    [["diagnose", { kind: "persistentvolumeclaims", name: "data-db-0", namespace: "data" }]],
  ],
  ["show the previous logs of pod api-0", [["get_pod_logs", { name: "api-0", previous: true }]]],
  ["which node has the highest memory usage", [["top", { kind: "nodes", sort_by: "memory" }]]],
  [
    "why does the restart count of pod api-0 keep growing in payments?",
    [["diagnose", { kind: "pods", name: "api-0", namespace: "payments" }]],
  ],
  [
    "show the rollout status of deployment api in payments",
    [["rollout_status", { kind: "deployments", name: "api", namespace: "payments" }]],
  ],
  // Namespaces are DNS labels, lower case by rule: "Shop" can only mean shop.
  ["Show Pods In Namespace Shop", [["get_resources", { kind: "pods", namespace: "shop" }]]],
  [
    "pods in kube-system with label k8s-app=kube-dns",
    [["get_resources", { kind: "pods", namespace: "kube-system", label_selector: "k8s-app=kube-dns" }]],
  ],
  ["list the jobs that failed in batch", [["diagnose", { kind: "jobs", namespace: "batch" }]]],
  [
    "what is the status of deployment checkout in shop?",
    [["get_resources", { kind: "deployments", name: "checkout", namespace: "shop" }]],
  ],
  ["nodes that are not ready", [["diagnose", { kind: "nodes" }]]],
  ["show me the logs of web-1 in shop", [["get_pod_logs", { name: "web-1", namespace: "shop" }]]],
  [
    "logs and events of pod web-1 in shop",
    [
      ["get_pod_logs", { name: "web-1", namespace: "shop" }],
      ["get_events", { kind: "pods", name: "web-1", namespace: "shop" }],
    ],
  ],
  [
    "what pods are running in the payments namespace?",
    [["get_resources", { kind: "pods", namespace: "payments" }]],
  ],
  ["get the logs of the nginx pod in default", [["get_pod_logs", { name: "nginx", namespace: "default" }]]],
  [
    "show me the last 20 lines of the api-5f6d logs in payments",
    [["get_pod_logs", { name: "api-5f6d", namespace: "payments", tail_lines: 20 }]],
  ],
  [
    "which pods are failing in shop?",
    [["get_resources", { kind: "pods", namespace: "shop", unhealthy: true }]],
  ],
  ["show the events of node worker-1", [["get_events", { kind: "nodes", name: "worker-1" }]]],
  ["how much memory are the nodes using?", [["top", { kind: "nodes", sort_by: "memory" }]]],
  ["describe the node named worker-3", [["describe_resource", { kind: "nodes", name: "worker-3" }]]],
  [
    "show me the yaml for the checkout deployment in shop",
    [["get_manifest", { kind: "deployments", name: "checkout", namespace: "shop" }]],
  ],
  [
    "fetch logs from container app of pod api-0 in payments",
    [["get_pod_logs", { name: "api-0", namespace: "payments", container: "app" }]],
  ],
  ["why are pods pending in shop?", [["diagnose", { kind: "pods", namespace: "shop" }]]],
  ["show cluster events", [["get_events", { all_namespaces: true }]]],
  ["any warnings in the cluster?", [["get_events", { all_namespaces: true, type: "Warning" }]]],
  ["is anything broken in payments?", [["diagnose", { namespace: "payments" }]]],
  [
    "get pods in shop namespace with status pending",
    [["get_resources", { kind: "pods", namespace: "shop", field_selector: "status.phase=Pending" }]],
  ],
  ["show pod resource usage in payments", [["top", { kind: "pods", namespace: "payments" }]]],
  [
    "show pods in namespace shop that are in CrashLoopBackOff",
    [["diagnose", { kind: "pods", namespace: "shop" }]],
  ],
  [
    "show the api deployment's events in payments",
    [["get_events", { kind: "deployments", name: "api", namespace: "payments" }]],
  ],
  [
    "tell me about service frontend in shop",
    [["describe_resource", { kind: "services", name: "frontend", namespace: "shop" }]],
  ],
  [
    "how many configmaps are in kube-system?",
    [["get_resources", { kind: "configmaps", namespace: "kube-system" }]],
  ],
  ["what changed in namespace shop?", [["recent_changes", { namespace: "shop" }]]],
  ["list the cron jobs that run every hour", [["get_resources", { kind: "cronjobs" }]]],
  ["show ingress rules in web", [["get_resources", { kind: "ingresses", namespace: "web" }]]],
  ["list pods sorted by restarts", [["get_resources", { kind: "pods", sort_by: "restarts" }]]],
  ["why is the pod restarting?", [["diagnose", { kind: "pods" }]]],
  ["restart count of pods in shop", [["get_resources", { kind: "pods", namespace: "shop" }]]],
  [
    "get the yaml of configmap settings in kube-system",
    [["get_manifest", { kind: "configmaps", name: "settings", namespace: "kube-system" }]],
  ],
  ["show the 30 most recent log lines of pod api-0", [["get_pod_logs", { name: "api-0", tail_lines: 30 }]]],
  [
    "describe pod web-1 and show its logs",
    [
      ["describe_resource", { kind: "pods", name: "web-1" }],
      ["get_pod_logs", { name: "web-1" }],
    ],
  ],
  ["show error events in shop", [["get_events", { namespace: "shop", type: "Warning" }]]],
  [
    "which deployments are not fully available?",
    [["get_resources", { kind: "deployments", unhealthy: true }]],
  ],
  ["top 5 pods by cpu in shop", [["top", { kind: "pods", namespace: "shop", sort_by: "cpu" }]]],
  [
    "describe node ip-10-0-1-5.ec2.internal",
    [["describe_resource", { kind: "nodes", name: "ip-10-0-1-5.ec2.internal" }]],
  ],
  ["why can't pod web-1 start in shop?", [["diagnose", { kind: "pods", name: "web-1", namespace: "shop" }]]],
  ["show logs from before pod redis-0 crashed", [["get_pod_logs", { name: "redis-0", previous: true }]]],
  [
    "get pods in monitoring with field selector status.phase=Running",
    [["get_resources", { kind: "pods", namespace: "monitoring", field_selector: "status.phase=Running" }]],
  ],
  ["pod web-1 is stuck in Pending, why?", [["diagnose", { kind: "pods", name: "web-1" }]]],
  [
    "show pods and events in shop",
    [
      ["get_resources", { kind: "pods", namespace: "shop" }],
      ["get_events", { namespace: "shop" }],
    ],
  ],
  ["deployment events in shop", [["get_events", { namespace: "shop", kind: "deployments" }]]],
  [
    "memory of nodes and pods in shop",
    [
      ["top", { kind: "nodes", sort_by: "memory" }],
      ["top", { kind: "pods", namespace: "shop", sort_by: "memory" }],
    ],
  ],
  [
    "list pods in kafka, services in monitoring and events in prod",
    [
      ["get_resources", { kind: "pods", namespace: "kafka" }],
      ["get_resources", { kind: "services", namespace: "monitoring" }],
      ["get_events", { namespace: "prod" }],
    ],
  ],
  [
    "events for endpoints frontend in platform",
    [["get_events", { namespace: "platform", kind: "endpoints", name: "frontend" }]],
  ],
  [
    "which nodes and pods use the most cpu",
    [
      ["top", { kind: "nodes", sort_by: "cpu" }],
      ["top", { kind: "pods", sort_by: "cpu" }],
    ],
  ],
  [
    "list nodes and show the memory usage of nodes",
    [
      ["get_resources", { kind: "nodes" }],
      ["top", { kind: "nodes", sort_by: "memory" }],
    ],
  ],
  [
    "describe node worker-1 and list the pods on it",
    [
      ["describe_resource", { kind: "nodes", name: "worker-1" }],
      ["get_resources", { kind: "pods", all_namespaces: true, field_selector: "spec.nodeName=worker-1" }],
    ],
  ],
  ["list the ingresses in web, users get 502s", [["get_resources", { kind: "ingresses", namespace: "web" }]]],
  [
    "show pods in shop, payments and default namespaces",
    [
      ["get_resources", { kind: "pods", namespace: "shop" }],
      ["get_resources", { kind: "pods", namespace: "payments" }],
      ["get_resources", { kind: "pods", namespace: "default" }],
    ],
  ],
  ["which node is pod web-1 on?", [["describe_resource", { kind: "pods", name: "web-1", fields: ["node"] }]]],
  [
    "what node is pod checkout-abc running on in shop",
    [["describe_resource", { kind: "pods", name: "checkout-abc", namespace: "shop", fields: ["node"] }]],
  ],
];
