import type { PlannerCase } from "./planner-case.js";

/** Chinese and mixed Chinese/English phrasings written to TOOLS.md's conventions. */
export const chineseCases: PlannerCase[] = [
  ["查看default命名空间中的pod", [["get_resources", { kind: "pods", namespace: "default" }]]],
  ["列出所有节点", [["get_resources", { kind: "nodes" }]]],
  ["kube-system命名空间下有哪些服务？", [["get_resources", { kind: "services", namespace: "kube-system" }]]],
  ["查看所有的部署", [["get_resources", { kind: "deployments", all_namespaces: true }]]],
  [
    "查看payments命名空间中名为api的部署的yaml",
    [["get_manifest", { kind: "deployments", name: "api", namespace: "payments" }]],
  ],
  [
    "获取shop命名空间中checkout部署的配置清单",
    [["get_manifest", { kind: "deployments", name: "checkout", namespace: "shop" }]],
  ],
  ["查看pod web-1的日志", [["get_pod_logs", { name: "web-1" }]]],
  [
    "查看shop命名空间下pod web-1最近100行日志",
    [["get_pod_logs", { name: "web-1", namespace: "shop", tail_lines: 100 }]],
  ],
  [
    "查看payments命名空间中pod api-0上一次的日志",
    [["get_pod_logs", { name: "api-0", namespace: "payments", previous: true }]],
  ],
  [
    "查看shop命名空间中pod web-1里sidecar容器的日志",
    [["get_pod_logs", { name: "web-1", namespace: "shop", container: "sidecar" }]],
  ],
  ["查看pod api-0最近10分钟的日志", [["get_pod_logs", { name: "api-0", since_seconds: 600 }]]],
  ["查看所有命名空间的事件", [["get_events", { all_namespaces: true }]]],
  ["查看shop命名空间的警告事件", [["get_events", { namespace: "shop", type: "Warning" }]]],
  ["哪个pod的CPU使用率最高？", [["top", { kind: "pods", sort_by: "cpu" }]]],
  ["查看节点资源使用情况", [["top", { kind: "nodes" }]]],
  ["集群健康吗？", [["cluster_overview", {}]]],
  [
    "为什么payments命名空间中的pod api-0一直重启？",
    [["diagnose", { kind: "pods", name: "api-0", namespace: "payments" }]],
  ],
  ["排查shop命名空间的问题", [["diagnose", { namespace: "shop" }]]],
  [
    "kube-system命名空间有哪些配置映射",
    [["get_resources", { kind: "configmaps", namespace: "kube-system" }]],
  ],
  [
    "查看data命名空间的持久卷声明",
    [["get_resources", { kind: "persistentvolumeclaims", namespace: "data" }]],
  ],
  ["列出所有存储类", [["get_resources", { kind: "storageclasses" }]]],
  ["查看集群中所有有状态副本集", [["get_resources", { kind: "statefulsets", all_namespaces: true }]]],
  ["查看kube-system中的守护进程集", [["get_resources", { kind: "daemonsets", namespace: "kube-system" }]]],
  ["查看batch命名空间下的任务", [["get_resources", { kind: "jobs", namespace: "batch" }]]],
  ["查看节点worker-1的详细信息", [["describe_resource", { kind: "nodes", name: "worker-1" }]]],
  [
    "查看节点worker-1上的pod",
    [["get_resources", { kind: "pods", all_namespaces: true, field_selector: "spec.nodeName=worker-1" }]],
  ],
  [
    "shop命名空间中处于Pending状态的pod",
    [["get_resources", { kind: "pods", namespace: "shop", field_selector: "status.phase=Pending" }]],
  ],
  [
    "列出所有命名空间中未运行的pod",
    [["get_resources", { kind: "pods", all_namespaces: true, field_selector: "status.phase!=Running" }]],
  ],
  ["查看标签为app=nginx的pod", [["get_resources", { kind: "pods", label_selector: "app=nginx" }]]],
  [
    "查看shop命名空间的pod和服务",
    [
      ["get_resources", { kind: "pods", namespace: "shop" }],
      ["get_resources", { kind: "services", namespace: "shop" }],
    ],
  ],
  ["查看web命名空间的入口", [["get_resources", { kind: "ingresses", namespace: "web" }]]],
  [
    "列出shop命名空间的自动扩缩",
    [["get_resources", { kind: "horizontalpodautoscalers", namespace: "shop" }]],
  ],
  [
    "查看kube-system命名空间的服务账号",
    [["get_resources", { kind: "serviceaccounts", namespace: "kube-system" }]],
  ],
  ["查看shop命名空间的网络策略", [["get_resources", { kind: "networkpolicies", namespace: "shop" }]]],
  ["查看自定义资源定义", [["get_resources", { kind: "customresourcedefinitions" }]]],
  [
    "查看payments命名空间中api部署的事件",
    [["get_events", { kind: "deployments", name: "api", namespace: "payments" }]],
  ],
  ["集群里一共有多少个命名空间？", [["get_resources", { kind: "namespaces" }]]],
  ["该集群有多少节点？", [["get_resources", { kind: "nodes" }]]],
  ["查看coredns的日志", [["get_pod_logs", { name: "coredns" }]]],
  ["查看pods in kube-system", [["get_resources", { kind: "pods", namespace: "kube-system" }]]],
  ["列出 default 命名空间的 deployments", [["get_resources", { kind: "deployments", namespace: "default" }]]],
  ["看看shop里的pod", [["get_resources", { kind: "pods", namespace: "shop" }]]],
  ["在kube-system中查看服务", [["get_resources", { kind: "services", namespace: "kube-system" }]]],
  ["哪个节点的CPU占用最高", [["top", { kind: "nodes", sort_by: "cpu" }]]],
  ["查看shop命名空间中内存占用最高的pod", [["top", { kind: "pods", namespace: "shop", sort_by: "memory" }]]],
  ["集群概览", [["cluster_overview", {}]]],
  ["checkout部署为什么不可用？", [["diagnose", { kind: "deployments", name: "checkout" }]]],
  [
    "查看kube-system命名空间下名为coredns的容器组的详细信息",
    [["describe_resource", { kind: "pods", name: "coredns", namespace: "kube-system" }]],
  ],
  [
    "查看payments命名空间中的定时任务和任务",
    [
      ["get_resources", { kind: "cronjobs", namespace: "payments" }],
      ["get_resources", { kind: "jobs", namespace: "payments" }],
    ],
  ],
  ["查看命名空间kube-system中的端点", [["get_resources", { kind: "endpoints", namespace: "kube-system" }]]],
  ["列出有状态应用", [["get_resources", { kind: "statefulsets" }]]],
  ["查看所有持久卷", [["get_resources", { kind: "persistentvolumes" }]]],
  ["shop命名空间的中断预算", [["get_resources", { kind: "poddisruptionbudgets", namespace: "shop" }]]],
  ["查看计划任务", [["get_resources", { kind: "cronjobs" }]]],
  ["查看名字空间default里的配置项", [["get_resources", { kind: "configmaps", namespace: "default" }]]],
  ["为什么重启次数这么多？pod api-0", [["diagnose", { kind: "pods", name: "api-0" }]]],
  ["用kubectl get pods -n shop看看", [["get_resources", { kind: "pods", namespace: "shop" }]]],
  ["获取kube-system下的所有服务", [["get_resources", { kind: "services", namespace: "kube-system" }]]],
  ["default命名空间有多少个pod？", [["get_resources", { kind: "pods", namespace: "default" }]]],
  ["查看名为web-1的pod的日志", [["get_pod_logs", { name: "web-1" }]]],
  ["查看web-1这个pod的日志", [["get_pod_logs", { name: "web-1" }]]],
  ["查看kube-system里coredns的日志", [["get_pod_logs", { name: "coredns", namespace: "kube-system" }]]],
  ["查看集群事件", [["get_events", { all_namespaces: true }]]],
  ["查看kube-system命名空间的异常事件", [["get_events", { namespace: "kube-system", type: "Warning" }]]],
  ["哪些pod不在运行？", [["get_resources", { kind: "pods", field_selector: "status.phase!=Running" }]]],
  [
    "shop命名空间里处于等待状态的pod",
    [["get_resources", { kind: "pods", namespace: "shop", field_selector: "status.phase=Pending" }]],
  ],
  [
    "为什么checkout部署在shop命名空间里起不来？",
    [["diagnose", { kind: "deployments", name: "checkout", namespace: "shop" }]],
  ],
  ["帮我看看shop有什么问题", [["diagnose", { namespace: "shop" }]]],
  ["查看shop的pod", [["get_resources", { kind: "pods", namespace: "shop" }]]],
  [
    "查看payments命名空间中api-5f6d的上一个容器的日志",
    [["get_pod_logs", { name: "api-5f6d", namespace: "payments", previous: true }]],
  ],
  ["集群现在状态如何？", [["cluster_overview", {}]]],
  ["查看kube-system命名空间的详细信息", [["describe_resource", { kind: "namespaces", name: "kube-system" }]]],
  ["kube-system里的coredns为什么一直崩溃？", [["diagnose", { namespace: "kube-system", name: "coredns" }]]],
  ["哪些节点CPU使用率高？", [["top", { kind: "nodes", sort_by: "cpu" }]]],
  ["查看各节点的内存占用", [["top", { kind: "nodes", sort_by: "memory" }]]],
  ["查看副本数不足的部署", [["diagnose", { kind: "deployments" }]]],
  ["节点worker-1怎么了？", [["diagnose", { kind: "nodes", name: "worker-1" }]]],
  ["查看worker-1节点的事件", [["get_events", { kind: "nodes", name: "worker-1" }]]],
  ["列出所有的PVC", [["get_resources", { kind: "persistentvolumeclaims", all_namespaces: true }]]],
  [
    "节点node-3上运行着哪些Pod？",
    [["get_resources", { kind: "pods", all_namespaces: true, field_selector: "spec.nodeName=node-3" }]],
  ],
  [
    "prod命名空间中正在运行的pod",
    [["get_resources", { kind: "pods", namespace: "prod", field_selector: "status.phase=Running" }]],
  ],
  [
    "查看billing命名空间中的Pod中断预算",
    [["get_resources", { kind: "poddisruptionbudgets", namespace: "billing" }]],
  ],
  [
    "查看prod中的水平Pod自动扩缩器",
    [["get_resources", { kind: "horizontalpodautoscalers", namespace: "prod" }]],
  ],
  ["查看集群中的定制资源定义", [["get_resources", { kind: "customresourcedefinitions" }]]],
  [
    "查看节点CPU使用情况，同时查看pod的内存使用情况",
    [
      ["top", { kind: "nodes", sort_by: "cpu" }],
      ["top", { kind: "pods", sort_by: "memory" }],
    ],
  ],
  ["列出kafka命名空间的Normal事件", [["get_events", { namespace: "kafka", type: "Normal" }]]],
  [
    "使用字段选择器status.phase=Failed列出batch命名空间的pod",
    [["get_resources", { kind: "pods", namespace: "batch", field_selector: "status.phase=Failed" }]],
  ],
  [
    "查看shop命名空间的部署以及事件",
    [
      ["get_resources", { kind: "deployments", namespace: "shop" }],
      ["get_events", { namespace: "shop" }],
    ],
  ],
  [
    "节点和pod的CPU使用情况",
    [
      ["top", { kind: "nodes", sort_by: "cpu" }],
      ["top", { kind: "pods", sort_by: "cpu" }],
    ],
  ],
  ["哪些pod没有在运行？", [["get_resources", { kind: "pods", field_selector: "status.phase!=Running" }]]],
  [
    "节点worker-2上面运行了哪些pod？",
    [["get_resources", { kind: "pods", all_namespaces: true, field_selector: "spec.nodeName=worker-2" }]],
  ],
  [
    "查看pod kafka-0的日志以及kafka命名空间的警告事件",
    [
      ["get_pod_logs", { name: "kafka-0" }],
      ["get_events", { namespace: "kafka", type: "Warning" }],
    ],
  ],
  [
    "查看pod web-1的日志和事件，命名空间shop",
    [
      ["get_pod_logs", { name: "web-1", namespace: "shop" }],
      ["get_events", { namespace: "shop", kind: "pods", name: "web-1" }],
    ],
  ],
  ["查看pod web-1中名为nginx的容器的日志", [["get_pod_logs", { name: "web-1", container: "nginx" }]]],
  [
    "查看节点worker-1的详细信息，以及它上面的pod",
    [
      ["describe_resource", { kind: "nodes", name: "worker-1" }],
      ["get_resources", { kind: "pods", all_namespaces: true, field_selector: "spec.nodeName=worker-1" }],
    ],
  ],
  [
    "shop、payments和default命名空间的pod",
    [
      ["get_resources", { kind: "pods", namespace: "shop" }],
      ["get_resources", { kind: "pods", namespace: "payments" }],
      ["get_resources", { kind: "pods", namespace: "default" }],
    ],
  ],
  // A container named with no pod: logs come from a pod, and 容器 is often said of one.
  ["查看上一个loki-0容器的日志", [["get_pod_logs", { name: "loki-0", previous: true }]]],
  ["查看容器loki-0的上一次日志", [["get_pod_logs", { name: "loki-0", previous: true }]]],
  // "Which node is it on" asks a fact of the named pod, which describe shows.
  ["pod web-1运行在哪个节点上", [["describe_resource", { kind: "pods", name: "web-1", fields: ["node"] }]]],
  [
    "shop命名空间的pod web-1在哪个节点上",
    [["describe_resource", { kind: "pods", name: "web-1", namespace: "shop", fields: ["node"] }]],
  ],
];
