import type { PlannerCase } from "./planner-case.js";

type Args = Record<string, unknown>;
const list = (kind: string, args: Args = {}): PlannerCase[1][number] => ["get_resources", { kind, ...args }];
const inNs = (kind: string, namespace: string, args: Args = {}) => list(kind, { namespace, ...args });

/** Several calls in one question, each clause scoping its own kinds (TOOLS.md: "several calls ... in order"). */
export const clauseCases: PlannerCase[] = [
  // English
  ["pods in shop and services in payments", [inNs("pods", "shop"), inNs("services", "payments")]],
  [
    "show pods in shop and the services in kube-system",
    [inNs("pods", "shop"), inNs("services", "kube-system")],
  ],
  ["list deployments in data and pods in batch", [inNs("deployments", "data"), inNs("pods", "batch")]],
  ["pods in shop, services in payments", [inNs("pods", "shop"), inNs("services", "payments")]],
  [
    "pods in namespace shop and services in namespace payments",
    [inNs("pods", "shop"), inNs("services", "payments")],
  ],
  ["list kube-system pods and default services", [inNs("pods", "kube-system"), inNs("services", "default")]],
  [
    "pods and services in shop and deployments in data",
    [inNs("pods", "shop"), inNs("services", "shop"), inNs("deployments", "data")],
  ],
  [
    "get pods in shop and services in payments and default",
    [inNs("pods", "shop"), inNs("services", "payments"), inNs("services", "default")],
  ],
  [
    "pods in all namespaces and services in shop",
    [list("pods", { all_namespaces: true }), inNs("services", "shop")],
  ],
  [
    "describe pod web-1 in shop and deployment api in payments",
    [
      ["describe_resource", { kind: "pods", name: "web-1", namespace: "shop" }],
      ["describe_resource", { kind: "deployments", name: "api", namespace: "payments" }],
    ],
  ],
  [
    "describe the pod named web-1 in shop and the service named api in payments",
    [
      ["describe_resource", { kind: "pods", name: "web-1", namespace: "shop" }],
      ["describe_resource", { kind: "services", name: "api", namespace: "payments" }],
    ],
  ],
  [
    "show the yaml of deployment api in shop and configmap app-config in payments",
    [
      ["get_manifest", { kind: "deployments", name: "api", namespace: "shop" }],
      ["get_manifest", { kind: "configmaps", name: "app-config", namespace: "payments" }],
    ],
  ],
  [
    "show me pods labeled app=web in shop and services labeled app=api in payments",
    [
      inNs("pods", "shop", { label_selector: "app=web" }),
      inNs("services", "payments", { label_selector: "app=api" }),
    ],
  ],
  // Chinese and mixed
  ["查看shop的pod和payments的服务", [inNs("pods", "shop"), inNs("services", "payments")]],
  ["查看shop的pod，payments的服务", [inNs("pods", "shop"), inNs("services", "payments")]],
  ["shop中的pod以及payments中的服务", [inNs("pods", "shop"), inNs("services", "payments")]],
  [
    "查看kube-system命名空间的部署和default命名空间的服务",
    [inNs("deployments", "kube-system"), inNs("services", "default")],
  ],
  ["列出shop下的pod和payments下的deployment", [inNs("pods", "shop"), inNs("deployments", "payments")]],
  ["kube-system的deployments和default的pods", [inNs("deployments", "kube-system"), inNs("pods", "default")]],
  ["所有命名空间的pod和shop的服务", [list("pods", { all_namespaces: true }), inNs("services", "shop")]],
  [
    "查看shop中名为web-1的pod和payments中名为api的服务",
    [inNs("pods", "shop", { name: "web-1" }), inNs("services", "payments", { name: "api" })],
  ],
  [
    "列出shop命名空间中标签为app=web的pod和payments命名空间中标签为app=api的服务",
    [
      inNs("pods", "shop", { label_selector: "app=web" }),
      inNs("services", "payments", { label_selector: "app=api" }),
    ],
  ],
  [
    "描述shop中的pod web-1和payments中的deployment api",
    [
      ["describe_resource", { kind: "pods", name: "web-1", namespace: "shop" }],
      ["describe_resource", { kind: "deployments", name: "api", namespace: "payments" }],
    ],
  ],
  // kubectl
  ["pods -n a and services -n b", [inNs("pods", "a"), inNs("services", "b")]],
  [
    "kubectl get pods -n shop, kubectl get svc -n payments",
    [inNs("pods", "shop"), inNs("services", "payments")],
  ],
  [
    "kubectl get pods -n=shop and kubectl get services --namespace payments",
    [inNs("pods", "shop"), inNs("services", "payments")],
  ],
  [
    "kubectl get pods -A and kubectl get svc -n shop",
    [list("pods", { all_namespaces: true }), inNs("services", "shop")],
  ],
  [
    "describe pod web-1 -n shop and svc api -n payments",
    [
      ["describe_resource", { kind: "pods", name: "web-1", namespace: "shop" }],
      ["describe_resource", { kind: "services", name: "api", namespace: "payments" }],
    ],
  ],
  [
    "get pods -l app=web -n shop and svc -l app=api -n payments",
    [
      inNs("pods", "shop", { label_selector: "app=web" }),
      inNs("services", "payments", { label_selector: "app=api" }),
    ],
  ],
  [
    "pods -l app=web and services -l tier=db",
    [list("pods", { label_selector: "app=web" }), list("services", { label_selector: "tier=db" })],
  ],
];

/** A scope said once for several kinds, or several namespaces for one kind: the question-wide reading stays. */
export const sharedScopeCases: PlannerCase[] = [
  ["pods and services in shop", [inNs("pods", "shop"), inNs("services", "shop")]],
  ["shop命名空间的pod和服务", [inNs("pods", "shop"), inNs("services", "shop")]],
  ["pods in shop and payments", [inNs("pods", "shop"), inNs("pods", "payments")]],
  ["pods in shop and services", [inNs("pods", "shop"), inNs("services", "shop")]],
  ["pods and services, both in shop", [inNs("pods", "shop"), inNs("services", "shop")]],
  ["在shop中，查看pod和服务", [inNs("pods", "shop"), inNs("services", "shop")]],
  ["kubectl get deploy,svc -n shop", [inNs("deployments", "shop"), inNs("services", "shop")]],
  ["pods in shop and in payments", [inNs("pods", "shop"), inNs("pods", "payments")]],
  [
    "pods and services in shop and in payments",
    [inNs("pods", "shop"), inNs("services", "shop"), inNs("pods", "payments"), inNs("services", "payments")],
  ],
  ["查看shop和payments的pod", [inNs("pods", "shop"), inNs("pods", "payments")]],
  ["list shop and payments pods", [inNs("pods", "shop"), inNs("pods", "payments")]],
  [
    "pods with label app=web and services",
    [list("pods", { label_selector: "app=web" }), list("services", { label_selector: "app=web" })],
  ],
  [
    "get pods in kube-system, sorted by age",
    [["get_resources", { kind: "pods", namespace: "kube-system", sort_by: "age" }]],
  ],
];
