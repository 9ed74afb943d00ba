import type { Answer, CodePart, FindingsPart, TablePart, TextPart } from "../../../core/answer.js";
import type { PartShown } from "./answer-parts.js";
import { findingText } from "./answer-parts.js";
import { labelsFor, type SlackLabels } from "./labels.js";
import {
  blocksSize,
  contextLine,
  escapeMrkdwn,
  fallbackText,
  fenceCode,
  mrkdwnSection,
  SLACK_LIMITS,
  type SlackBlock,
  type SlackMessage,
  truncateText,
} from "./limits.js";
import { arrangeTable, isKeyValueTable } from "./table-arrange.js";
import { renderNativeTable } from "./table-blocks.js";
import { alignedLines, cellText } from "./table-cells.js";

/** A file for the thread (files.uploadV2): logs, manifests and anything too long for blocks. */
export interface DetailFile {
  filename: string;
  title: string;
  content: string;
  comment: string;
}

export interface AnswerDetails {
  messages: SlackMessage[];
  files: DetailFile[];
}

/** Beyond this many rows the thread gets one file rather than a run of table messages. */
const THREAD_TABLE_ROWS = 200;
const THREAD_TEXT_CHARS = 8_000;
const SECTION_CHARS = SLACK_LIMITS.sectionText - 100;
const MESSAGE_CHARS = SLACK_LIMITS.blocksJson - 500;

function fileName(title: string, extension: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${slug || "details"}.${extension}`;
}

function tableDetails(original: TablePart, shown: PartShown, labels: SlackLabels, out: AnswerDetails): void {
  // The channel showed the arranged table (unhealthy rows, NAME and STATUS first): continue that one.
  const part = isKeyValueTable(original) ? original : arrangeTable(original, labels);
  const allColumns = (shown.columns ?? part.columns.length) >= part.columns.length;
  // Columns the first screen left out: the thread shows the whole table again, with every column.
  const from = allColumns ? (shown.rows ?? 0) : 0;
  const remaining = part.rows.length - from;
  if (remaining <= THREAD_TABLE_ROWS && part.columns.length <= SLACK_LIMITS.tableCells) {
    let row = from;
    while (row < part.rows.length) {
      const table = renderNativeTable(part, {
        fromRow: row,
        maxRows: SLACK_LIMITS.tableRows - 1,
        maxChars: MESSAGE_CHARS,
      });
      const last = row + table.shownRows;
      const caption = contextLine(
        `*${escapeMrkdwn(truncateText(part.title, 200))}* · ${row + 1}–${last} / ${part.rows.length}`,
      );
      out.messages.push({
        text: fallbackText(`${part.title} ${row + 1}–${last}`),
        blocks: [caption, table.block],
      });
      row = last;
    }
    return;
  }
  const rows = part.rows.map((cells) =>
    part.columns.map((_, column) => cellText(cells[column] ?? null, 2_000)),
  );
  out.files.push({
    filename: fileName(part.title, "txt"),
    title: part.title,
    content: `${alignedLines(part.columns, rows).join("\n")}\n`,
    comment: labels.allRowsInFile(part.rows.length),
  });
}

/** Text cut into sections that each stay under the section limit, several to a message. */
function textMessages(heading: string, text: string, preformatted: boolean): SlackMessage[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > 0) {
    let cut = Math.min(rest.length, preformatted ? SECTION_CHARS - 200 : SECTION_CHARS);
    const newline = rest.lastIndexOf("\n", cut);
    if (cut < rest.length && newline > cut / 2) cut = newline + 1;
    chunks.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  const messages: SlackMessage[] = [];
  let blocks: SlackBlock[] = [mrkdwnSection(`*${escapeMrkdwn(truncateText(heading, 200))}*`)];
  for (const chunk of chunks) {
    const block = mrkdwnSection(preformatted ? fenceCode(chunk) : escapeMrkdwn(chunk));
    if (blocksSize([...blocks, block]) > MESSAGE_CHARS) {
      messages.push({ text: fallbackText(heading), blocks });
      blocks = [];
    }
    blocks.push(block);
  }
  messages.push({ text: fallbackText(heading), blocks });
  return messages;
}

function textDetails(original: TextPart | CodePart, labels: SlackLabels, out: AnswerDetails): void {
  const part = { ...original, title: labels.heading(original.title) };
  const content = part.type === "text" ? part.text : part.code;
  if (part.type === "code" || content.length > THREAD_TEXT_CHARS) {
    const extension = part.type === "code" ? (part.language === "text" ? "txt" : part.language) : "txt";
    out.files.push({
      filename: fileName(part.title, extension),
      title: part.title,
      content,
      comment: fallbackText(part.title),
    });
    return;
  }
  out.messages.push(...textMessages(part.title, content, true));
}

function findingsDetails(part: FindingsPart, labels: SlackLabels, out: AnswerDetails): void {
  let blocks: SlackBlock[] = [
    mrkdwnSection(`*${escapeMrkdwn(truncateText(labels.heading(part.title), 200))}*`),
  ];
  for (const finding of part.findings) {
    const block = mrkdwnSection(findingText(finding, 8));
    if (
      blocks.length >= SLACK_LIMITS.blocksPerMessage - 1 ||
      blocksSize([...blocks, block]) > MESSAGE_CHARS
    ) {
      out.messages.push({ text: fallbackText(part.title), blocks });
      blocks = [];
    }
    blocks.push(block);
  }
  out.messages.push({ text: fallbackText(part.title), blocks });
}

/** The tools that ran, with their arguments, outcome and time: what a reviewer wants to check. */
function callsMessage(calls: Answer["calls"], labels: SlackLabels): SlackMessage {
  const lines = calls.map((call) => {
    const outcome = call.ok ? "ok" : `${call.error?.code ?? "error"}: ${call.error?.message ?? ""}`;
    return `\`${call.tool} ${escapeMrkdwn(JSON.stringify(call.args))}\` · ${Math.round(call.durationMs)} ms · ${escapeMrkdwn(truncateText(outcome, 300))}`;
  });
  const text = `_${labels.howIAnswered}:_\n${lines.join("\n") || "-"}`;
  return {
    text: labels.howIAnswered,
    blocks: [contextLine(truncateText(text, SLACK_LIMITS.sectionText))],
  };
}

/** Everything the channel message left out, as thread messages and files, in the order of the answer. */
export function renderAnswerDetails(
  answer: Answer,
  shown: PartShown[],
  options: { calls?: boolean; more?: Answer } = {},
): AnswerDetails {
  const labels = labelsFor(answer.language);
  const out: AnswerDetails = { messages: [], files: [] };
  answer.parts.forEach((part, index) => {
    const partShown = shown[index] ?? { complete: false };
    if (partShown.complete) return;
    if (part.type === "table") tableDetails(part, partShown, labels, out);
    else if (part.type === "findings") findingsDetails(part, labels, out);
    else textDetails(part, labels, out);
  });
  // Describe, events and logs of the unhealthy objects, read when Details was clicked.
  if (options.more) {
    const more = renderAnswerDetails(
      options.more,
      options.more.parts.map(() => ({ complete: false })),
      { calls: false },
    );
    out.messages.push(...more.messages);
    out.files.push(...more.files);
  }
  if (options.calls !== false)
    out.messages.push(callsMessage([...answer.calls, ...(options.more?.calls ?? [])], labels));
  return out;
}
