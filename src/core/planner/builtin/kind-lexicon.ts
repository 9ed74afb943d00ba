import type { ResourceType } from "../../ports.js";

/** One built-in resource kind: its canonical plural and every other way users name it. */
export interface KindEntry {
  plural: string;
  namespaced: boolean;
  /** Singulars, short names and Kind names, lower case. */
  english: string[];
  chinese: string[];
  /** Short names too common as English words to read outside kubectl syntax (`no`, `ev`). */
  kubectlOnly?: string[];
  /** The Kind itself is plural (Endpoints): "endpoints frontend" names one object. */
  pluralKind?: boolean;
}

const kind = (
  plural: string,
  namespaced: boolean,
  english: string[],
  chinese: string[],
  kubectlOnly?: string[],
  pluralKind?: boolean,
) => ({
  plural,
  namespaced,
  english,
  chinese,
  kubectlOnly,
  pluralKind,
});

/** The kinds TOOLS.md names, plus the common read-only built-ins; discovery adds the cluster's own. */
export const BUILTIN_KINDS: readonly KindEntry[] = [
  kind("pods", true, ["pod", "po"], ["容器组"]),
  kind("services", true, ["service", "svc"], ["服务"]),
  kind(
    "deployments",
    true,
    ["deployment", "deploy", "deploys", "deployment.apps"],
    ["部署", "无状态应用", "无状态负载", "无状态工作负载", "无状态"],
  ),
  kind(
    "statefulsets",
    true,
    ["statefulset", "sts", "stateful set", "stateful sets"],
    ["有状态副本集", "有状态应用", "有状态集", "有状态负载", "有状态工作负载"],
  ),
  kind(
    "daemonsets",
    true,
    ["daemonset", "ds", "daemon set", "daemon sets"],
    ["守护进程集", "守护进程", "守护集"],
  ),
  kind("replicasets", true, ["replicaset", "rs", "replica set", "replica sets"], ["副本集"]),
  kind("jobs", true, ["job", "batch job", "batch jobs"], ["任务", "作业", "批处理任务"]),
  kind(
    "cronjobs",
    true,
    ["cronjob", "cj", "cron job", "cron jobs", "scheduled job", "scheduled jobs"],
    ["定时任务", "计划任务", "定时作业", "周期任务", "周期性任务"],
  ),
  kind(
    "nodes",
    false,
    ["node", "worker node", "worker nodes", "machine", "machines", "servers", "vms", "boxes"],
    ["节点", "主机", "工作节点"],
    ["no"],
  ),
  kind("namespaces", false, ["namespace", "ns"], ["命名空间", "名字空间", "名称空间"]),
  kind(
    "configmaps",
    true,
    ["configmap", "cm", "config map", "config maps"],
    ["配置映射", "配置项", "配置字典", "配置映像"],
  ),
  kind("ingresses", true, ["ingress", "ing"], ["入口", "路由规则", "七层路由", "应用路由"]),
  kind(
    "persistentvolumeclaims",
    true,
    [
      "persistentvolumeclaim",
      "pvc",
      "pvcs",
      "persistent volume claim",
      "persistent volume claims",
      "volume claim",
      "volume claims",
    ],
    ["持久卷声明", "持久化卷声明", "存储卷声明", "持久卷申领", "存储声明"],
  ),
  kind(
    "persistentvolumes",
    false,
    ["persistentvolume", "pv", "pvs", "persistent volume", "persistent volumes"],
    ["持久卷", "持久化卷", "持久化存储卷"],
  ),
  kind("storageclasses", false, ["storageclass", "sc", "storage class", "storage classes"], ["存储类"]),
  kind("events", true, ["event"], ["事件"], ["ev"]),
  kind("endpoints", true, ["endpoint"], ["端点"], ["ep"], true),
  kind(
    "serviceaccounts",
    true,
    ["serviceaccount", "sa", "service account", "service accounts"],
    ["服务账号", "服务账户", "服务帐号", "服务帐户"],
  ),
  kind(
    "networkpolicies",
    true,
    ["networkpolicy", "netpol", "netpols", "network policy", "network policies"],
    ["网络策略", "网路策略"],
  ),
  kind(
    "horizontalpodautoscalers",
    true,
    [
      "horizontalpodautoscaler",
      "hpa",
      "hpas",
      "autoscaler",
      "autoscalers",
      "horizontal pod autoscaler",
      "horizontal pod autoscalers",
      "pod autoscaler",
      "pod autoscalers",
    ],
    [
      "水平自动扩缩容",
      "水平自动扩缩器",
      "水平自动扩缩",
      "自动扩缩器",
      "自动扩缩容",
      "自动扩缩",
      "水平扩缩容",
      "弹性伸缩",
      "自动伸缩",
    ],
  ),
  kind(
    "poddisruptionbudgets",
    true,
    [
      "poddisruptionbudget",
      "pdb",
      "pdbs",
      "pod disruption budget",
      "pod disruption budgets",
      "disruption budget",
      "disruption budgets",
    ],
    ["中断预算", "干扰预算", "容器组中断预算"],
  ),
  kind(
    "customresourcedefinitions",
    false,
    ["customresourcedefinition", "crd", "crds", "custom resource definition", "custom resource definitions"],
    ["自定义资源定义", "定制资源定义", "自定义资源类型"],
  ),
  kind(
    "replicationcontrollers",
    true,
    ["replicationcontroller", "rc", "replication controller", "replication controllers"],
    ["副本控制器"],
  ),
  kind(
    "resourcequotas",
    true,
    ["resourcequota", "quota", "quotas", "resource quota", "resource quotas"],
    ["资源配额"],
  ),
  kind("limitranges", true, ["limitrange", "limit range", "limit ranges"], ["限制范围"], ["limits"]),
  kind("endpointslices", true, ["endpointslice", "endpoint slice", "endpoint slices"], ["端点切片"]),
  kind("ingressclasses", false, ["ingressclass", "ingress class", "ingress classes"], ["入口类"]),
  kind("roles", true, ["role"], ["角色"]),
  kind("rolebindings", true, ["rolebinding", "role binding", "role bindings"], ["角色绑定"]),
  kind("clusterroles", false, ["clusterrole", "cluster role", "cluster roles"], ["集群角色"]),
  kind(
    "clusterrolebindings",
    false,
    ["clusterrolebinding", "cluster role binding", "cluster role bindings"],
    ["集群角色绑定"],
  ),
  kind(
    "priorityclasses",
    false,
    ["priorityclass", "priority class", "priority classes"],
    ["优先级类"],
    ["pc"],
  ),
  kind("leases", true, ["lease"], ["租约"]),
];

/** Where a word or phrase leads: the kind it names, and whether kubectl syntax is needed to read it so. */
export interface KindMatch {
  plural: string;
  namespaced: boolean;
  kubectlOnly: boolean;
  /** True for a singular or Kind name ("pod"), false for a plural ("pods"): "the api deployment" names one object. */
  singular: boolean;
  /** The plural is also the Kind name (Endpoints): a name may follow it ("endpoints frontend"). */
  pluralKind?: boolean;
}

/** Every name of every kind, built-in and discovered, keyed by lower-case word or phrase. */
export interface KindLexicon {
  lookup(phrase: string): KindMatch | undefined;
  /** The canonical plural for any name of a kind; undefined when unknown. */
  canonical(name: string): string | undefined;
  isNamespaced(plural: string): boolean;
  /** Phrases with spaces ("stateful sets"), longest first, and the Chinese names, for the tokenizer. */
  readonly phrases: readonly string[];
  readonly chineseNames: readonly string[];
}

export function createKindLexicon(resourceTypes: readonly ResourceType[] = []): KindLexicon {
  const table = new Map<string, KindMatch>();
  const scope = new Map<string, boolean>();
  const chineseNames: string[] = [];
  const add = (word: string, match: KindMatch) => {
    const key = word.toLowerCase();
    if (key !== "" && !table.has(key)) table.set(key, match);
  };
  for (const entry of BUILTIN_KINDS) {
    scope.set(entry.plural, entry.namespaced);
    const base = { plural: entry.plural, namespaced: entry.namespaced, kubectlOnly: false };
    add(entry.plural, { ...base, singular: false, ...(entry.pluralKind ? { pluralKind: true } : {}) });
    for (const word of entry.english) add(word, { ...base, singular: !isPluralName(word, entry.plural) });
    for (const word of entry.chinese) add(word, { ...base, singular: true });
    for (const word of entry.kubectlOnly ?? []) add(word, { ...base, kubectlOnly: true, singular: false });
    chineseNames.push(...entry.chinese);
  }
  for (const type of resourceTypes) {
    if (typeof type.plural !== "string" || type.plural.includes("/") || type.plural === "secrets") continue;
    scope.set(type.plural, type.namespaced);
    const base = { plural: type.plural, namespaced: type.namespaced, kubectlOnly: false };
    add(type.plural, { ...base, singular: false });
    add(type.singular ?? "", { ...base, singular: true });
    add(type.kind ?? "", { ...base, singular: true });
    if (type.group) add(`${type.plural}.${type.group}`, { ...base, singular: false });
    for (const short of type.shortNames ?? []) add(short, { ...base, singular: false });
  }
  const phrases = [...table.keys()].filter((key) => key.includes(" ")).sort((a, b) => b.length - a.length);
  return {
    lookup: (phrase) => table.get(phrase.toLowerCase()),
    canonical: (name) => table.get(name.toLowerCase())?.plural,
    isNamespaced: (plural) => scope.get(plural) ?? true,
    phrases,
    chineseNames,
  };
}

// Short names ending in s (sts, ds, rs) abbreviate; like svc they name one object as well as many.
function isPluralName(word: string, plural: string): boolean {
  return word === plural || (word.endsWith("s") && !word.endsWith("ss") && word.length > 3);
}
