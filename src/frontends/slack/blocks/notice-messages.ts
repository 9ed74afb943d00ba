import type { Language } from "../../../core/question.js";
import { labelsFor } from "./labels.js";
import {
  contextLine,
  escapeMrkdwn,
  fallbackText,
  mrkdwnSection,
  type SlackMessage,
  truncateText,
} from "./limits.js";

/** The placeholder that shows progress until the answer replaces it. */
export function renderProgressMessage(progress: string, requestId: string, language: Language): SlackMessage {
  const labels = labelsFor(language);
  const text = truncateText(progress, 500);
  return {
    text: escapeMrkdwn(text),
    blocks: [
      mrkdwnSection(`:hourglass_flowing_sand: ${escapeMrkdwn(text)}`),
      contextLine(`${labels.requestId} \`${escapeMrkdwn(requestId)}\``),
    ],
  };
}

export interface Problem {
  kind: "refusal" | "error";
  message: string;
  code?: string;
  requestId: string;
  language: Language;
}

/** A refusal or an error, in the user's language, with the request id that is also in the logs. */
export function renderProblemMessage(problem: Problem): SlackMessage {
  const labels = labelsFor(problem.language);
  const heading =
    problem.kind === "refusal" ? `:no_entry: *${labels.refused}*` : `:warning: *${labels.couldNotAnswer}*`;
  const message = escapeMrkdwn(truncateText(problem.message, 2_000));
  const footer = [`${labels.requestId} \`${escapeMrkdwn(problem.requestId)}\``];
  if (problem.code) footer.unshift(`\`${escapeMrkdwn(problem.code)}\``);
  return {
    text: `${problem.kind === "refusal" ? labels.refused : labels.couldNotAnswer}: ${fallbackText(problem.message, 2_000)}`,
    blocks: [mrkdwnSection(`${heading}\n${message}`), contextLine(footer.join(" · "))],
  };
}

/** The friendly "slow down" reply, in both languages (it may answer a question we have not read yet). */
export function renderSlowDownMessage(retryAfterSeconds: number, language: Language): SlackMessage {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  const first = labelsFor(language).slowDown(seconds);
  const second = labelsFor(language === "zh" ? "en" : "zh").slowDown(seconds);
  return { text: first, blocks: [mrkdwnSection(`:turtle: ${first}\n${second}`)] };
}

const EXAMPLES = [
  "pods in payments",
  "why is checkout crashing in shop",
  "top nodes by memory",
  "logs of api-7d9f in payments",
  "查看 kube-system 命名空间中的服务",
  "为什么 payments 里的 pod 一直重启",
];

/** `/k8s`, `/k8s help` or an empty mention: what to ask, with examples in English and Chinese. */
export function renderUsageMessage(command = "/k8s"): SlackMessage {
  const intro =
    "*K8Helper* answers read-only questions about your Kubernetes cluster.\n" +
    "*K8Helper* 以只读方式回答关于 Kubernetes 集群的问题。";
  const examples = EXAMPLES.map((example) => `• \`${command} ${example}\``).join("\n");
  const where =
    "Mention me in a channel or send me a direct message (no prefix needed). I never change anything and never read Secrets.\n" +
    "也可以在频道里 @我，或直接私信提问（无需前缀）。我不会修改任何资源，也不会读取 Secret。";
  return {
    text: "K8Helper: ask about pods, deployments, events, logs… / 询问 Pod、部署、事件、日志……",
    blocks: [mrkdwnSection(intro), mrkdwnSection(examples), contextLine(where)],
  };
}

/** A button whose answer is no longer kept (or a reference from elsewhere): ask again. */
export function questionExpiredMessage(language: Language): SlackMessage {
  const text = labelsFor(language).questionExpired;
  return { text, blocks: [mrkdwnSection(`:hourglass: ${text}`)] };
}

/** Details in a channel the bot was never invited to: how to invite it (only the clicker sees this). */
export function notInChannelMessage(language: Language): SlackMessage {
  const text = labelsFor(language).notInChannel;
  return { text, blocks: [mrkdwnSection(`:wave: ${text}`)] };
}
