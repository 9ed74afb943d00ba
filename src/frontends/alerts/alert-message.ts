import type { AnswerRenderOptions } from "../slack/blocks/answer-message.js";
import { renderAnswerMessage } from "../slack/blocks/answer-message.js";
import {
  contextLine,
  escapeMrkdwn,
  mrkdwnSection,
  type SlackBlock,
  type SlackMessage,
  truncateText,
} from "../slack/blocks/limits.js";
import type { Alert, AlertGroup } from "./alert-payload.js";
import type { Investigation } from "./investigate.js";

// The labels an on-call engineer reads first; the rest are in Alertmanager.
const shownLabels = [
  "severity",
  "namespace",
  "pod",
  "container",
  "deployment",
  "statefulset",
  "daemonset",
  "job_name",
  "cronjob",
  "node",
  "instance",
  "persistentvolumeclaim",
  "service",
  "horizontalpodautoscaler",
  "job",
];

const plain = (text: string) => escapeMrkdwn(text);

function minutesBetween(from: string, to: number): number {
  const start = Date.parse(from);
  return Number.isNaN(start) ? 0 : Math.max(0, Math.round((to - start) / 60_000));
}

/** `…/#/silences/new?filter={alertname="X",namespace="y"}`: Alertmanager's silence form, prefilled; K8Helper silences nothing itself. */
export function silenceUrl(group: AlertGroup, alert: Alert): string | undefined {
  if (!/^https?:\/\//.test(group.externalURL)) return undefined;
  const matchers =
    Object.entries(group.groupLabels).length > 0 ? group.groupLabels : { alertname: alert.labels.alertname };
  const filter = `{${Object.entries(matchers)
    .map(([key, value]) => `${key}="${value.replace(/["\\]/g, "\\$&")}"`)
    .join(",")}}`;
  return `${group.externalURL.replace(/\/$/, "")}/#/silences/new?filter=${encodeURIComponent(filter)}`;
}

function linkButtons(group: AlertGroup, alert: Alert): SlackBlock | undefined {
  const elements: Record<string, unknown>[] = [];
  const silence = silenceUrl(group, alert);
  if (silence)
    elements.push({
      type: "button",
      action_id: "alert_silence",
      text: { type: "plain_text", text: "Silence" },
      url: silence,
    });
  if (alert.generatorURL && /^https?:\/\//.test(alert.generatorURL))
    elements.push({
      type: "button",
      action_id: "alert_source",
      text: { type: "plain_text", text: "Source" },
      url: alert.generatorURL.slice(0, 3000),
    });
  return elements.length > 0 ? ({ type: "actions", elements } as unknown as SlackBlock) : undefined;
}

/** The channel message for an alert group: what fired, how bad, where, and links to silence it or see its source. */
export function renderAlertMessage(group: AlertGroup, now: number, notes: string[] = []): SlackMessage {
  const firing = group.alerts.filter((a) => a.status === "firing");
  const lead = firing[0] ?? group.alerts[0];
  const name = lead.labels.alertname;
  const severity = lead.labels.severity ?? group.commonLabels.severity ?? "none";
  const resolved = group.status === "resolved";
  const count = group.alerts.length + group.truncatedAlerts;
  const title = resolved
    ? `:white_check_mark: Resolved: ${name} (after ${minutesBetween(lead.startsAt, Date.parse(lead.endsAt ?? "") || now)} min)`
    : `:rotating_light: ${count > 1 ? `${firing.length + group.truncatedAlerts} alerts firing: ` : "Firing: "}${name} (${severity})`;
  const annotations = { ...group.commonAnnotations, ...lead.annotations };
  const blocks: SlackBlock[] = [mrkdwnSection(`*${plain(title)}*`)];
  const about = [annotations.summary, annotations.description]
    .filter(Boolean)
    .map((t) => plain(truncateText(t as string, 1_200)));
  if (about.length > 0) blocks.push(mrkdwnSection(about.join("\n")));
  const labels = shownLabels.filter((l) => lead.labels[l]).slice(0, 10);
  if (labels.length > 0) {
    blocks.push({
      type: "section",
      fields: labels.map((l) => ({
        type: "mrkdwn",
        text: `*${l}*\n\`${plain(truncateText(lead.labels[l], 200))}\``,
        verbatim: true,
      })),
    } as unknown as SlackBlock);
  }
  if (count > 1) {
    const byName = new Map<string, number>();
    for (const alert of firing)
      byName.set(alert.labels.alertname, (byName.get(alert.labels.alertname) ?? 0) + 1);
    const summary = [...byName].map(([n, c]) => `${plain(n)} ×${c}`).join(", ");
    blocks.push(
      contextLine(
        `${summary}${group.truncatedAlerts > 0 ? ` (+${group.truncatedAlerts} not sent by Alertmanager)` : ""}`,
      ),
    );
  }
  const started = `started ${minutesBetween(lead.startsAt, now)} min ago`;
  blocks.push(contextLine([started, `receiver ${plain(group.receiver)}`, ...notes.map(plain)].join(" · ")));
  const buttons = linkButtons(group, lead);
  if (buttons) blocks.push(buttons);
  return { text: plain(title), blocks };
}

/** The investigation of one alert, for its thread: the diagnosis, logs, events and changes, as any answer renders. */
export function renderInvestigation(
  investigation: Investigation,
  options: AnswerRenderOptions,
): SlackMessage {
  const heading = `*${plain(investigation.alertname)}*: ${plain(investigation.targets.join(", ") || "no object")}`;
  if (!investigation.answer) {
    return {
      text: plain(`${investigation.alertname}: ${investigation.skipped ?? "not investigated"}`),
      blocks: [mrkdwnSection(`${heading}\n${plain(investigation.skipped ?? "")}`)],
    };
  }
  const rendered = renderAnswerMessage(investigation.answer, options);
  // The answer's own buttons act on stored answers of questions; an alert's thread offers the alert's links instead.
  const blocks = rendered.blocks.filter((block) => block.type !== "actions");
  return { text: rendered.text, blocks: [mrkdwnSection(heading), ...blocks].slice(0, 50) };
}
