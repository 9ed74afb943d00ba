import type { types } from "@slack/bolt";
import type { Scope } from "../../../core/question.js";
import { contextLine, escapeMrkdwn, mrkdwnSection, type SlackBlock, type SlackMessage } from "./limits.js";

/** Examples for a scope: its own namespaces when it has some, else the demo's. */
export function scopedExamples(scope: Scope | undefined): { en: string[]; zh: string[] } {
  const namespace = scope?.defaultNamespace ?? scope?.namespaces?.[0];
  if (!namespace)
    return {
      en: [
        "pods in payments",
        "why is checkout crashing in shop",
        "top nodes by memory",
        "logs of api-7d9f in payments",
      ],
      zh: ["查看 kube-system 命名空间中的服务", "为什么 payments 里的 pod 一直重启"],
    };
  return {
    en: [
      `pods in ${namespace}`,
      `what's wrong in ${namespace}?`,
      `warning events in ${namespace}`,
      `recent changes in ${namespace}`,
    ],
    zh: [`${namespace} 里有哪些 pod`, `${namespace} 有什么问题？`],
  };
}

/** "payments, payments-canary (cluster prod)" or "every namespace". */
export function scopeText(scope: Scope | undefined, language: "en" | "zh"): string {
  const namespaces = scope?.namespaces?.length
    ? scope.namespaces.map((namespace) => `\`${escapeMrkdwn(namespace)}\``).join(", ")
    : language === "zh"
      ? "所有命名空间"
      : "every namespace";
  const cluster = scope?.cluster
    ? language === "zh"
      ? `（集群 \`${escapeMrkdwn(scope.cluster)}\`）`
      : ` (cluster \`${escapeMrkdwn(scope.cluster)}\`)`
    : "";
  return `${namespaces}${cluster}`;
}

const INTRO =
  "*K8Helper* answers read-only questions about your Kubernetes cluster.\n" +
  "*K8Helper* 以只读方式回答关于 Kubernetes 集群的问题。";

const WHERE =
  "Mention me in a channel or send me a direct message (no prefix needed). I never change anything and never read Secrets.\n" +
  "也可以在频道里 @我，或直接私信提问（无需前缀）。我不会修改任何资源，也不会读取 Secret。";

function examplesText(scope: Scope | undefined, command: string): string {
  const examples = scopedExamples(scope);
  return [...examples.en, ...examples.zh].map((example) => `• \`${command} ${example}\``).join("\n");
}

/** `/k8s`, `/k8s help` or an empty mention: what to ask here, with examples for this channel's scope. */
export function renderUsageMessage(command = "/k8s", scope?: Scope): SlackMessage {
  const blocks: SlackBlock[] = [mrkdwnSection(INTRO), mrkdwnSection(examplesText(scope, command))];
  if (scope?.namespaces?.length || scope?.cluster)
    blocks.push(
      contextLine(`Here I can see: ${scopeText(scope, "en")}\n这里可以查看：${scopeText(scope, "zh")}`),
    );
  blocks.push(contextLine(WHERE));
  return {
    text: "K8Helper: ask about pods, deployments, events, logs… / 询问 Pod、部署、事件、日志……",
    blocks,
  };
}

/** The short note the bot posts when it is invited to a channel: what it does here, how to ask. */
export function renderIntroMessage(scope: Scope): SlackMessage {
  const examples = scopedExamples(scope);
  const text =
    `:wave: Hi! I answer read-only questions about Kubernetes here (${scopeText(scope, "en")}). ` +
    `Try \`/k8s ${examples.en[1]}\` or mention me; \`/k8s help\` shows more.\n` +
    `你好！我在这里以只读方式回答 Kubernetes 的问题（${scopeText(scope, "zh")}）。试试 \`/k8s ${examples.zh[1]}\`，或 @我。`;
  return {
    text: "K8Helper is here: read-only answers about Kubernetes. / K8Helper 已加入：只读回答 Kubernetes 问题。",
    blocks: [mrkdwnSection(text)],
  };
}

export interface HomeContent {
  /** Configured channel entries and their scopes (channel id, `dm`, `default`). */
  scopes: [string, Scope][];
  /** The user's recent questions, newest first. */
  recent: string[];
}

/** The App Home tab: what K8Helper can do, examples in both languages, where it may look, recent questions. */
export function renderHomeView(content: HomeContent): types.HomeView {
  const blocks: SlackBlock[] = [
    { type: "header", text: { type: "plain_text", text: "K8Helper" } },
    mrkdwnSection(
      `${INTRO}\n\nPods, deployments, nodes, events, logs, rollouts, recent changes and diagnoses (why is it crashing?).\nPod、部署、节点、事件、日志、发布、近期变更和诊断（为什么一直崩溃？）。`,
    ),
    mrkdwnSection(`*Examples / 示例*\n${examplesText(undefined, "/k8s")}`),
  ];
  const scopeLines = content.scopes.map(([key, scope]) => {
    const name =
      key === "dm"
        ? "direct messages / 私信"
        : key === "default"
          ? "other channels / 其他频道"
          : `\`${escapeMrkdwn(key)}\``;
    return `• ${name}: ${scopeText(scope, "en")}`;
  });
  blocks.push(
    mrkdwnSection(
      `*Where I may look / 可查看的范围*\n${scopeLines.length > 0 ? scopeLines.join("\n") : "• every channel: every namespace / 所有频道：所有命名空间"}`,
    ),
  );
  if (content.recent.length > 0)
    blocks.push(
      mrkdwnSection(
        `*Your recent questions / 最近的提问*\n${content.recent
          .map((question) => `• \`${escapeMrkdwn(question.replace(/`/g, "'").slice(0, 200))}\``)
          .join("\n")}`,
      ),
    );
  blocks.push(contextLine(WHERE));
  return { type: "home", blocks };
}
