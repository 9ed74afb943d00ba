/** How a kind reads in a sentence, in English and Chinese. */
const CHINESE_KIND_NAMES: Record<string, string> = {
  pods: "Pod",
  services: "服务",
  deployments: "部署",
  statefulsets: "有状态副本集",
  daemonsets: "守护进程集",
  replicasets: "副本集",
  jobs: "任务",
  cronjobs: "定时任务",
  nodes: "节点",
  namespaces: "命名空间",
  configmaps: "配置映射",
  ingresses: "Ingress",
  persistentvolumeclaims: "持久卷声明",
  persistentvolumes: "持久卷",
  storageclasses: "存储类",
  events: "事件",
  endpoints: "端点",
  serviceaccounts: "服务账号",
  networkpolicies: "网络策略",
  horizontalpodautoscalers: "HPA",
  poddisruptionbudgets: "Pod 中断预算",
  customresourcedefinitions: "CRD",
};

const ENGLISH_SINGULARS: Record<string, string> = {
  ingresses: "ingress",
  endpoints: "endpoints",
  persistentvolumeclaims: "PVC",
  persistentvolumes: "PV",
  horizontalpodautoscalers: "HPA",
  poddisruptionbudgets: "PDB",
  customresourcedefinitions: "CRD",
  storageclasses: "storage class",
  networkpolicies: "network policy",
};

const ENGLISH_PLURALS: Record<string, string> = {
  persistentvolumeclaims: "PVCs",
  persistentvolumes: "PVs",
  horizontalpodautoscalers: "HPAs",
  poddisruptionbudgets: "PDBs",
  customresourcedefinitions: "CRDs",
  storageclasses: "storage classes",
  networkpolicies: "network policies",
};

export function englishKindName(kind: string, count: number): string {
  if (count === 1) return ENGLISH_SINGULARS[kind] ?? kind.replace(/s$/, "");
  return ENGLISH_PLURALS[kind] ?? kind;
}

export function chineseKindName(kind: string): string {
  return CHINESE_KIND_NAMES[kind] ?? kind;
}
