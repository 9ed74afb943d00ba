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
  // "*" is how an answer says it read every namespace: say so in words.
  if (answer.namespace === "*") items.push(labels.allNamespaces);
  else if (answer.namespace) items.push(`${labels.namespace} *${escapeMrkdwn(answer.namespace)}*`);
  items.push(
    `${labels.planner} ${escapeMrkdwn(answer.model ? `${answer.planner} (${answer.model})` : answer.planner)}`,
  );
  items.push(duration(answer.timings.totalMs));
  if (answer.cached) items.push(labels.cachedAgo(cachedAgeSeconds(answer, now)));
  items.push(`${labels.requestId} \`${escapeMrkdwn(answer.requestId)}\``);
  return contextLine(items.join(" · "));
}

/** The block id of the "who asked what" line: the one place the bot writes a mention (of the asker). */
export const ASKER_BLOCK_ID = "asker";

/**
 * "<@U1> asked: `pods in shop`" at the top of a channel answer to /k8s, whose empty ack showed the command
 * to nobody. The question is the user's own text, kept in a code span.
 */
export function renderAskerLine(
  user: string,
  question: string,
  language: Answer["language"],
): types.ContextBlock {
  const code = escapeMrkdwn(question.replace(/`/g, "'").slice(0, 300));
  const line = contextLine(`<@${user.replace(/[^A-Z0-9]/gi, "")}> ${labelsFor(language).asked}: \`${code}\``);
  return { ...line, block_id: ASKER_BLOCK_ID };
}
