import type { Answer, AnswerPart } from "../../../core/answer.js";
import { renderAnswerActions } from "./answer-actions.js";
import { causeHeadline, renderCause, topFinding } from "./answer-cause.js";
import { renderAnswerContext, renderAskerLine } from "./answer-context.js";
import {
  type PartBudget,
  type PartShown,
  type RenderedPart,
  renderCodePart,
  renderFindingsPart,
  renderTablePart,
  renderTextPart,
} from "./answer-parts.js";
import { labelsFor } from "./labels.js";
import {
  blocksSize,
  contextLine,
  escapeMrkdwn,
  fallbackText,
  mrkdwnSection,
  SLACK_LIMITS,
  type SlackBlock,
  type SlackMessage,
  truncateText,
} from "./limits.js";

export interface AnswerRenderOptions {
  /** Milliseconds since the epoch, for "cached N s ago". */
  now: number;
  /** Table rows the channel message shows at most (the rest go to the thread). */
  firstScreenRows?: number;
  /** Characters of blocks JSON the whole message may take. */
  maxBlocksChars?: number;
  /** Table columns the first screen shows at most (a phone shows about five). */
  firstScreenColumns?: number;
  /** A channel answer to /k8s starts with who asked what. */
  asker?: { user: string; question: string };
}

export interface RenderedAnswer extends SlackMessage {
  /** Per part (same order as answer.parts): how much the message shows. */
  shown: PartShown[];
}

const MIN_PART_CHARS = 400;
/** Columns of a table on the first screen: NAME and STATUS and a few more fit a phone. */
export const FIRST_SCREEN_COLUMNS = 5;
/** The block id of the "How I answered" context line. */
export const HOW_BLOCK_ID = "how";

function callText(call: Answer["calls"][number]): string {
  const args = Object.entries(call.args)
    .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(" ");
  const outcome = call.ok ? "" : ` (${call.error?.code ?? "error"})`;
  return `${call.tool}${args ? ` ${args}` : ""} · ${Math.round(call.durationMs)} ms${outcome}`;
}

/** The calls that produced the answer, in one small context line (what a reviewer checks, out of the way). */
export function renderHowIAnswered(answer: Answer): SlackBlock | undefined {
  if (answer.calls.length === 0) return undefined;
  const labels = labelsFor(answer.language);
  const calls = answer.calls.map(callText).join("; ");
  const line = contextLine(`_${labels.howIAnswered}:_ ${escapeMrkdwn(truncateText(calls, 600))}`);
  return { ...line, block_id: HOW_BLOCK_ID };
}

function renderPart(part: AnswerPart, budget: PartBudget): RenderedPart {
  switch (part.type) {
    case "table":
      return renderTablePart(part, budget);
    case "text":
      return renderTextPart(part, budget);
    case "code":
      return renderCodePart(part, budget);
    case "findings":
      return renderFindingsPart(part, budget);
  }
}

/**
 * The answer as one message: summary, the parts in order (one native table, the rest monospace), notes,
 * the context line and the buttons; always within Slack's block count and our blocks-JSON budget.
 */
export function renderAnswerMessage(answer: Answer, options: AnswerRenderOptions): RenderedAnswer {
  const labels = labelsFor(answer.language);
  const maxChars = options.maxBlocksChars ?? SLACK_LIMITS.blocksJson;
  const head: SlackBlock[] = [mrkdwnSection(escapeMrkdwn(truncateText(answer.summary, 2_000)))];
  const cause = renderCause(answer, labels);
  if (cause) head.push(cause);
  if (options.asker)
    head.unshift(renderAskerLine(options.asker.user, options.asker.question, answer.language));
  const tail: SlackBlock[] = [];
  if (answer.notes.length > 0)
    tail.push(contextLine(escapeMrkdwn(truncateText(answer.notes.join(" · "), 1_500))));
  const trace = renderHowIAnswered(answer);
  if (trace) tail.push(trace);
  tail.push(renderAnswerContext(answer, options.now), renderAnswerActions(answer));

  let chars = maxChars - blocksSize(head) - blocksSize(tail) - 200;
  let blockRoom = SLACK_LIMITS.blocksPerMessage - head.length - tail.length - 1;
  let nativeTable = true;
  const body: SlackBlock[] = [];
  const shown: PartShown[] = [];
  answer.parts.forEach((part, index) => {
    const later = answer.parts.length - index - 1;
    const budget = {
      chars: chars - Math.min(later * MIN_PART_CHARS, chars / 2),
      labels,
      nativeTable,
      firstScreenRows: options.firstScreenRows ?? 20,
      maxColumns: options.firstScreenColumns ?? FIRST_SCREEN_COLUMNS,
      cause: cause ? topFinding(answer) : undefined,
    };
    const rendered = budget.chars >= MIN_PART_CHARS ? renderPart(part, budget) : undefined;
    const size = rendered ? blocksSize(rendered.blocks) + 1 : 0;
    if (!rendered || size > chars || rendered.blocks.length > blockRoom) {
      shown.push({ complete: false, omitted: true });
      return;
    }
    if (rendered.blocks.some((block) => block.type === "table")) nativeTable = false;
    body.push(...rendered.blocks);
    shown.push(rendered.shown);
    chars -= size;
    blockRoom -= rendered.blocks.length;
  });
  const omitted = shown.filter((part) => part.omitted).length;
  if (omitted > 0) body.push(contextLine(labels.moreInThread(omitted, labels.sections)));
  const headline = causeHeadline(answer, labels);
  const summary = answer.summary || answer.question;
  return {
    text: fallbackText(headline ? `${headline} · ${summary}` : summary),
    blocks: [...head, ...body, ...tail],
    shown,
  };
}
