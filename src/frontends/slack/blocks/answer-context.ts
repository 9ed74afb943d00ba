import type { types } from "@slack/bolt";
import type { Answer } from "../../../core/answer.js";
import { labelsFor } from "./labels.js";
import { contextLine, escapeMrkdwn } from "./limits.js";

function duration(ms: number): string {
  return ms < 1_000 ? `${Math.round(ms)} ms` : `${(ms / 1_000).toFixed(1)} s`;
}

/** Seconds since the answer was computed, for "cached 12 s ago" (never negative when clocks drift). */
export function cachedAgeSeconds(answer: Answer, now: number): number {
  const computed = Date.parse(answer.computedAt);
  return Number.isNaN(computed) ? 0 : Math.max(0, Math.round((now - computed) / 1_000));
}

/** cluster · namespace · planner · time taken · cached N s ago · request id, in one context line. */
export function renderAnswerContext(answer: Answer, now: number): types.ContextBlock {
  const labels = labelsFor(answer.language);
  const items = [`${labels.cluster} *${escapeMrkdwn(answer.cluster)}*`];
  if (answer.namespace) items.push(`${labels.namespace} *${escapeMrkdwn(answer.namespace)}*`);
  items.push(
    `${labels.planner} ${escapeMrkdwn(answer.model ? `${answer.planner} (${answer.model})` : answer.planner)}`,
  );
  items.push(duration(answer.timings.totalMs));
  if (answer.cached) items.push(labels.cachedAgo(cachedAgeSeconds(answer, now)));
  items.push(`${labels.requestId} \`${escapeMrkdwn(answer.requestId)}\``);
  return contextLine(items.join(" · "));
}
