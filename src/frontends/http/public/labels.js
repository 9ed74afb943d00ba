// The page's own words in the answer's language, and the tools as a person would name them.
import { CHINESE_HEADINGS, CHINESE_TITLES } from "./chinese-headings.js";

const WORDS = {
  en: {
    details: "Details: how K8Helper answered",
    calls: "Calls to the cluster",
    noCalls: "No calls: nothing was read from the cluster.",
    noProblems: "No problems found.",
    row: "row",
    rows: "rows",
    shown: (shown, total) => `${shown} of ${total} rows shown`,
    cut: "Output cut: only the end is shown.",
    copy: "Copy as Markdown",
    copied: "Copied",
    newConversation: "New conversation",
    followUp: "Follow-up questions continue this conversation.",
    on: (cluster, namespace) =>
      namespace ? `Cluster ${cluster} · namespace ${namespace}` : `Cluster ${cluster}`,
    describe: "describe",
    logs: "logs",
    events: "events",
  },
  zh: {
    details: "详情：K8Helper 如何回答",
    calls: "对集群的调用",
    noCalls: "没有调用：未从集群读取任何内容。",
    noProblems: "未发现问题。",
    row: "行",
    rows: "行",
    shown: (shown, total) => `显示 ${total} 行中的 ${shown} 行`,
    cut: "输出已截断：只显示末尾。",
    copy: "复制为 Markdown",
    copied: "已复制",
    newConversation: "新对话",
    followUp: "后续问题会继续这个对话。",
    on: (cluster, namespace) => (namespace ? `集群 ${cluster} · 命名空间 ${namespace}` : `集群 ${cluster}`),
    describe: "详情",
    logs: "日志",
    events: "事件",
  },
};

export function words(language) {
  return WORDS[language] ?? WORDS.en;
}

const TOOL_NAMES = {
  en: {
    get_resources: "Listing",
    describe_resource: "Describing",
    get_manifest: "Reading the manifest",
    get_pod_logs: "Reading the logs",
    get_events: "Reading the events",
    top: "Reading CPU and memory",
    cluster_overview: "The cluster overview",
    diagnose: "The diagnosis",
  },
  zh: {
    get_resources: "列出资源",
    describe_resource: "查看详情",
    get_manifest: "读取清单",
    get_pod_logs: "读取日志",
    get_events: "读取事件",
    top: "读取资源用量",
    cluster_overview: "集群概况",
    diagnose: "诊断",
  },
};

/** Text for people: a tool's name (get_pod_logs) becomes what it does ("Reading the logs"). */
export function withoutToolNames(text, language) {
  const names = TOOL_NAMES[language] ?? TOOL_NAMES.en;
  return String(text ?? "").replace(
    /\b[a-z]+(?:_[a-z]+)+\b|\btop\b(?= (?:did not|failed))/g,
    (name) => names[name] ?? name,
  );
}

/** The part of a call a person reads: what it did, not its tool name. */
export function toolLabel(tool, language) {
  return (TOOL_NAMES[language] ?? TOOL_NAMES.en)[tool] ?? tool;
}

const TITLE_PATTERNS = CHINESE_TITLES.map(([pattern, replacement]) => [
  new RegExp(pattern, "i"),
  replacement,
]);

/** A part title or column heading in the answer's language (the list is the core's, as Slack shows it). */
export function heading(text, language) {
  if (language !== "zh" || typeof text !== "string") return text;
  const known = CHINESE_HEADINGS[text] ?? CHINESE_HEADINGS[text.toUpperCase()];
  if (known) return known;
  for (const [pattern, replacement] of TITLE_PATTERNS)
    if (pattern.test(text)) return text.replace(pattern, replacement);
  return text;
}
