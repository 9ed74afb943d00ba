import type { Language } from "../../../core/question.js";
import { chineseHeading } from "../../../core/summary/chinese-headings.js";

/** Every word the Slack front end shows around an answer, in the user's language. */
export interface SlackLabels {
  refresh: string;
  details: string;
  diagnose: string;
  cluster: string;
  namespace: string;
  planner: string;
  requestId: string;
  cachedAgo(seconds: number): string;
  showingRows(shown: number, total: number): string;
  moreInThread(count: number, what: string): string;
  noRows: string;
  noFindings: string;
  columnsHidden(count: number): string;
  rows: string;
  findings: string;
  sections: string;
  fullTextInThread: string;
  couldNotAnswer: string;
  refused: string;
  slowDown(seconds: number): string;
  thinking: string;
  detailsExpired: string;
  questionExpired: string;
  notInChannel: string;
  allNamespaces: string;
  asked: string;
  allRowsInFile(total: number): string;
  logs: string;
  tryAgain: string;
  howIAnswered: string;
  severity: Record<"critical" | "warning" | "info", string>;
  lastErrorLines: string;
  termination: string;
  warningEvent: string;
  precedingChange: string;
  unhealthyFirst(unhealthy: number, total: number): string;
  /** Column headings and part titles in the user's language (English ones are kept as they are). */
  heading(text: string): string;
  stillWorking(seconds: number): string;
  timedOut(seconds: number): string;
  clusterUnreachable: string;
}

const english: SlackLabels = {
  refresh: "Refresh",
  details: "Details",
  diagnose: "Diagnose",
  cluster: "cluster",
  namespace: "namespace",
  planner: "planner",
  requestId: "request",
  cachedAgo: (seconds) => `cached ${seconds} s ago`,
  showingRows: (shown, total) => `Showing ${shown} of ${total.toLocaleString("en-US")} rows`,
  moreInThread: (count, what) => `${count.toLocaleString("en-US")} more ${what} in thread (Details)`,
  noRows: "No rows.",
  noFindings: "No problems found.",
  columnsHidden: (count) => `${count} more columns in thread`,
  rows: "rows",
  findings: "findings",
  sections: "sections",
  fullTextInThread: "full text in thread (Details)",
  couldNotAnswer: "Could not answer",
  refused: "Not something I can do",
  slowDown: (seconds) => `You're asking quickly: please wait ${seconds} s and try again.`,
  thinking: "Working on it…",
  detailsExpired: "This answer is no longer cached: showing the details of a fresh answer.",
  questionExpired: "This answer is more than a day old, or from another channel: please ask again.",
  allNamespaces: "all namespaces",
  asked: "asked",
  notInChannel:
    "I am not a member of this channel, so I cannot post the details here. Invite me with `/invite @K8Helper`, then click Details again.",
  allRowsInFile: (total) => `All ${total.toLocaleString("en-US")} rows are in the attached file.`,
  logs: "Logs",
  tryAgain: "Try again",
  howIAnswered: "How I answered",
  severity: { critical: "Critical", warning: "Warning", info: "Info" },
  lastErrorLines: "Last error lines",
  termination: "Terminated",
  warningEvent: "Warning event",
  precedingChange: "Change before it",
  unhealthyFirst: (unhealthy, total) =>
    `${total.toLocaleString("en-US")} rows · ${unhealthy.toLocaleString("en-US")} need attention, shown first`,
  heading: (text) => text,
  stillWorking: (seconds) => `Still working… ${seconds} s`,
  timedOut: (seconds) => `The cluster did not answer within ${seconds} s.`,
  clusterUnreachable:
    "I cannot reach the cluster right now, so nobody in this channel can get answers from it.",
};

const chinese: SlackLabels = {
  refresh: "刷新",
  details: "详情",
  diagnose: "诊断",
  cluster: "集群",
  namespace: "命名空间",
  planner: "规划器",
  requestId: "请求",
  cachedAgo: (seconds) => `缓存于 ${seconds} 秒前`,
  showingRows: (shown, total) => `显示 ${shown} / ${total} 行`,
  moreInThread: (count, what) => `另有 ${count} ${what}在消息串中（详情）`,
  noRows: "没有数据。",
  noFindings: "没有发现问题。",
  columnsHidden: (count) => `另有 ${count} 列在消息串中`,
  rows: "行",
  findings: "项发现",
  sections: "个部分",
  fullTextInThread: "完整内容在消息串中（详情）",
  couldNotAnswer: "无法回答",
  refused: "无法执行",
  slowDown: (seconds) => `提问太快了：请等待 ${seconds} 秒后再试。`,
  thinking: "正在处理…",
  detailsExpired: "该回答已不在缓存中：以下是重新查询的详情。",
  questionExpired: "该回答已超过一天或来自其他频道：请重新提问。",
  allNamespaces: "所有命名空间",
  asked: "提问",
  notInChannel: "我不在这个频道中，无法在这里发布详情。请用 `/invite @K8Helper` 邀请我，然后再点一次“详情”。",
  allRowsInFile: (total) => `全部 ${total} 行在附件中。`,
  logs: "日志",
  tryAgain: "重试",
  howIAnswered: "我是怎么回答的",
  severity: { critical: "严重", warning: "警告", info: "提示" },
  lastErrorLines: "最近的错误日志",
  termination: "终止原因",
  warningEvent: "告警事件",
  precedingChange: "此前的变更",
  unhealthyFirst: (unhealthy, total) => `共 ${total} 行 · ${unhealthy} 行需要关注，排在前面`,
  heading: chineseHeading,
  stillWorking: (seconds) => `仍在处理… ${seconds} 秒`,
  timedOut: (seconds) => `集群在 ${seconds} 秒内没有响应。`,
  clusterUnreachable: "我现在连不上集群，这个频道里的人暂时都无法从它得到回答。",
};

export function labelsFor(language: Language): SlackLabels {
  return language === "zh" ? chinese : english;
}
