/** Column and field headings the tools write in English, in Chinese (Slack and the web page show these). */
export const CHINESE_HEADINGS: Record<string, string> = {
  NAME: "名称",
  NAMESPACE: "命名空间",
  STATUS: "状态",
  READY: "就绪",
  RESTARTS: "重启次数",
  AGE: "存在时间",
  IP: "IP",
  NODE: "节点",
  TYPE: "类型",
  REASON: "原因",
  OBJECT: "对象",
  MESSAGE: "消息",
  "LAST SEEN": "最近出现",
  COUNT: "次数",
  WORKLOAD: "工作负载",
  KIND: "类型",
  "UP-TO-DATE": "已更新",
  AVAILABLE: "可用",
  DESIRED: "期望",
  CURRENT: "当前",
  ROLES: "角色",
  VERSION: "版本",
  CPU: "CPU",
  MEMORY: "内存",
  "CPU%": "CPU%",
  "MEMORY%": "内存%",
  CAPACITY: "容量",
  "ACCESS MODES": "访问模式",
  STORAGECLASS: "存储类",
  VOLUME: "卷",
  "CLUSTER-IP": "集群 IP",
  "EXTERNAL-IP": "外部 IP",
  PORTS: "端口",
  SCHEDULE: "调度",
  CONTAINER: "容器",
  IMAGE: "镜像",
  CHANGE: "变更",
  WHEN: "时间",
  Version: "版本",
  "Nodes ready": "就绪节点",
  Namespaces: "命名空间",
  Pods: "Pod",
  Workloads: "工作负载",
};

/**
 * Part titles the tools write in English, as [pattern, replacement] (case-insensitive, first match wins); the
 * object names inside are kept. Plain data, so the web page is served the same list (GET /chinese-headings.js).
 */
export const CHINESE_TITLES: ReadonlyArray<readonly [pattern: string, replacement: string]> = [
  ["^Diagnosis of (.+)$", "$1 的诊断"],
  ["^Diagnosis$", "诊断"],
  ["^Warning events of the last hour$", "最近一小时的告警事件"],
  ["^Workloads below desired replicas$", "未达到期望副本数的工作负载"],
  ["^Cluster (.+)$", "集群 $1"],
  ["^Events$", "事件"],
  ["^Events (?:in|of) (.+)$", "$1 的事件"],
  ["^Logs? of (.+)$", "$1 的日志"],
  ["^Recent changes$", "近期变更"],
  ["^Recent changes (?:in|of) (.+)$", "$1 的近期变更"],
  ["^(\\w+) in (\\S+)$", "$2 中的 $1"],
  ["^Findings$", "发现"],
  ["^Problems$", "问题"],
];

const TITLE_PATTERNS = CHINESE_TITLES.map(
  ([pattern, replacement]) => [new RegExp(pattern, "i"), replacement] as const,
);

/** A heading or part title in Chinese; text neither table knows is kept as it is. */
export function chineseHeading(text: string): string {
  const known = CHINESE_HEADINGS[text] ?? CHINESE_HEADINGS[text.toUpperCase()];
  if (known) return known;
  for (const [pattern, replacement] of TITLE_PATTERNS)
    if (pattern.test(text)) return text.replace(pattern, replacement);
  return text;
}
