import type { AnswerRenderOptions } from "../slack/blocks/answer-message.js";
import { renderAnswerMessage } from "../slack/blocks/answer-message.js";
import { encodeButtonValue } from "../slack/blocks/button-value.js";
import {
  contextLine,
  escapeMrkdwn,
  mrkdwnSection,
  type SlackBlock,
  type SlackMessage,
  truncateText,
} from "../slack/blocks/limits.js";
import type { Narrative } from "./alert-narrative.js";
import { alertTargets } from "./alert-objects.js";
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

/** The buttons that act on a stored alert record (ALERT_ACTION_IDS' listeners read it back by its reference). */
export const ALERT_ACTION_IDS = { refresh: "alert_refresh", logs: "alert_logs" } as const;

/**
 * `…/#/silences/new?filter={alertname="X",namespace="y",pod="z"}`: Alertmanager's silence form, prefilled
 * with the alert's own matchers (the group's labels when the message stands for several alerts);
 * K8Helper silences nothing itself.
 */
export function silenceUrl(group: AlertGroup, alert: Alert): string | undefined {
  if (!/^https?:\/\//.test(group.externalURL)) return undefined;
  const several = group.alerts.length + group.truncatedAlerts > 1;
  const matchers = several
    ? Object.entries(group.groupLabels).length > 0
      ? group.groupLabels
      : { alertname: alert.labels.alertname }
    : alert.labels;
  const ordered = Object.entries(matchers).sort(([a], [b]) =>
    a === "alertname" ? -1 : b === "alertname" ? 1 : a.localeCompare(b),
  );
  const filter = `{${ordered
    .map(([key, value]) => `${key}="${value.replace(/["\\]/g, "\\$&")}"`)
    .join(",")}}`;
  return `${group.externalURL.replace(/\/$/, "")}/#/silences/new?filter=${encodeURIComponent(filter)}`;
}

function alertButtons(group: AlertGroup, alert: Alert, ref: string | undefined): SlackBlock | undefined {
  const elements: Record<string, unknown>[] = [];
  if (ref) {
    const value = encodeButtonValue({ id: ref });
    elements.push({
      type: "button",
      action_id: ALERT_ACTION_IDS.refresh,
      text: { type: "plain_text", text: "Refresh" },
      value,
    });
    if (alertTargets(alert).some((target) => target.kind === "pods"))
      elements.push({
        type: "button",
        action_id: ALERT_ACTION_IDS.logs,
        text: { type: "plain_text", text: "Logs" },
        value,
      });
  }
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

/** The alert a group's message speaks for: the first firing one (its buttons act on it). */
export function leadAlert(group: AlertGroup): Alert {
  return group.alerts.find((a) => a.status === "firing") ?? group.alerts[0];
}

/**
 * The channel message for an alert group: what fired, how bad, where, links to silence it or see its
 * source, and (with `ref`, the stored record of its lead alert) Refresh and Logs.
 */
export function renderAlertMessage(
  group: AlertGroup,
  now: number,
  notes: string[] = [],
  ref?: string,
): SlackMessage {
  const firing = group.alerts.filter((a) => a.status === "firing");
  const lead = leadAlert(group);
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
  const buttons = alertButtons(group, lead, ref);
  if (buttons) blocks.push(buttons);
  return { text: plain(title), blocks };
}

/** The investigation of one alert, for its thread: the diagnosis, logs, events and changes, as any answer renders. */
export function renderInvestigation(
  investigation: Investigation,
  options: AnswerRenderOptions,
  narrative?: Narrative,
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
  // The LLM's three sentences lead, marked as written by it and what they cost; the findings below stand alone.
  const told = narrative
    ? [
        mrkdwnSection(plain(narrative.text)),
        contextLine(
          `summary written by ${plain(narrative.model)} · ${narrative.tokens.toLocaleString("en")} tokens`,
        ),
      ]
    : [];
  return { text: rendered.text, blocks: [mrkdwnSection(heading), ...told, ...blocks].slice(0, 50) };
}
