import type { CodePart, Finding, FindingsPart, Severity, TablePart, TextPart } from "../../../core/answer.js";
import type { SlackLabels } from "./labels.js";
import {
  contextLine,
  escapeMrkdwn,
  fenceCode,
  mrkdwnSection,
  type SlackBlock,
  truncateText,
} from "./limits.js";
import { arrangeTable, isKeyValueTable } from "./table-arrange.js";
import { renderMonospaceTable, renderNativeTable } from "./table-blocks.js";
import { cellText } from "./table-cells.js";

/** How much of a part the channel message shows; Details posts the rest in the thread. */
export interface PartShown {
  rows?: number;
  columns?: number;
  findings?: number;
  complete: boolean;
  /** The part did not fit at all. */
  omitted?: boolean;
}

export interface RenderedPart {
  blocks: SlackBlock[];
  shown: PartShown;
}

export interface PartBudget {
  chars: number;
  labels: SlackLabels;
  /** False once the message already holds its one native table. */
  nativeTable: boolean;
  firstScreenRows: number;
  /** Columns the first screen shows at most (the rest go to the thread). */
  maxColumns?: number;
  /** A finding the message already shows as its cause, left out of the findings list. */
  cause?: Finding;
}

const TEXT_CHARS = 1_500;
const CODE_LINES = 15;
const CODE_CHARS = 1_200;
const FINDINGS_SHOWN = 5;
const FIELDS_PER_SECTION = 10;

export const SEVERITY_ICONS: Record<Severity, string> = {
  critical: ":red_circle:",
  warning: ":large_orange_circle:",
  info: ":large_blue_circle:",
};

function title(text: string): string {
  return `*${escapeMrkdwn(truncateText(text, 200))}*`;
}

/** Key/value rows (the cluster overview) as section fields: two columns that wrap well on a phone. */
function renderFieldsPart(part: TablePart, labels: SlackLabels): RenderedPart {
  const blocks: SlackBlock[] = [mrkdwnSection(title(labels.heading(part.title)))];
  const rows = part.rows.slice(0, 20);
  for (let start = 0; start < rows.length; start += FIELDS_PER_SECTION) {
    const fields = rows.slice(start, start + FIELDS_PER_SECTION).map((row) => ({
      type: "mrkdwn" as const,
      text: `*${escapeMrkdwn(labels.heading(cellText(row[0] ?? null)))}*\n${escapeMrkdwn(cellText(row[1] ?? null, 1_000))}`,
      verbatim: true,
    }));
    blocks.push({ type: "section", fields });
  }
  const complete = rows.length === part.rows.length;
  if (!complete) blocks.push(contextLine(labels.moreInThread(part.rows.length - rows.length, labels.rows)));
  return { blocks, shown: { rows: rows.length, columns: 2, complete } };
}

export function renderTablePart(original: TablePart, budget: PartBudget): RenderedPart {
  const { labels } = budget;
  const total = original.rows.length;
  if (total === 0)
    return {
      blocks: [mrkdwnSection(`${title(labels.heading(original.title))}\n_${labels.noRows}_`)],
      shown: { complete: true },
    };
  if (isKeyValueTable(original)) return renderFieldsPart(original, labels);
  const part = arrangeTable(original, labels);
  const head = mrkdwnSection(title(labels.heading(part.title)));
  const unhealthy = part.unhealthyRows?.length ?? 0;
  const count =
    unhealthy > 0 && unhealthy < total ? contextLine(labels.unhealthyFirst(unhealthy, total)) : undefined;
  const room = budget.chars - JSON.stringify(head).length - 250 - (count ? JSON.stringify(count).length : 0);
  const tableBudget = { maxRows: budget.firstScreenRows, maxChars: room, maxColumns: budget.maxColumns };
  const table = budget.nativeTable
    ? renderNativeTable(part, tableBudget)
    : renderMonospaceTable(part, tableBudget);
  const blocks: SlackBlock[] = count ? [head, count, table.block] : [head, table.block];
  const hiddenColumns = part.columns.length - table.shownColumns;
  const complete = table.shownRows === total && hiddenColumns === 0;
  if (!complete) {
    const notes = [labels.showingRows(table.shownRows, total)];
    if (table.shownRows < total) notes.push(labels.moreInThread(total - table.shownRows, labels.rows));
    if (hiddenColumns > 0) notes.push(labels.columnsHidden(hiddenColumns));
    blocks.push(contextLine(notes.join(" · ")));
  }
  return { blocks, shown: { rows: table.shownRows, columns: table.shownColumns, complete } };
}

export function renderTextPart(part: TextPart, budget: PartBudget): RenderedPart {
  const limit = Math.max(200, Math.min(TEXT_CHARS, budget.chars - 300));
  const complete = part.text.length <= limit;
  const text = `${title(budget.labels.heading(part.title))}\n${escapeMrkdwn(truncateText(part.text, limit))}`;
  const blocks: SlackBlock[] = [mrkdwnSection(text)];
  if (!complete) blocks.push(contextLine(budget.labels.fullTextInThread));
  return { blocks, shown: { complete } };
}

export function renderCodePart(part: CodePart, budget: PartBudget): RenderedPart {
  const limit = Math.max(200, Math.min(CODE_CHARS, budget.chars - 300));
  // The end of a log matters most; look only at the tail so a 5 MB log costs nothing.
  const head = part.code
    .slice(-limit * 2)
    .split("\n")
    .slice(-CODE_LINES)
    .join("\n");
  const excerpt = head.length > limit ? head.slice(head.length - limit) : head;
  const complete = excerpt.length === part.code.length;
  const blocks: SlackBlock[] = [
    mrkdwnSection(`${title(budget.labels.heading(part.title))}\n${fenceCode(excerpt)}`),
  ];
  if (!complete) blocks.push(contextLine(budget.labels.fullTextInThread));
  return { blocks, shown: { complete } };
}

/** One finding as mrkdwn: severity, object, reason, the plain sentence, and evidence lines when asked. */
export function findingText(finding: Finding, evidenceLines: number): string {
  const object = finding.object.namespace
    ? `${finding.object.kind} ${finding.object.namespace}/${finding.object.name}`
    : `${finding.object.kind} ${finding.object.name}`;
  const lines = [
    `${SEVERITY_ICONS[finding.severity]} *${escapeMrkdwn(object)}* · ${escapeMrkdwn(finding.reason)}`,
    escapeMrkdwn(finding.message),
  ];
  for (const line of finding.evidence.slice(0, evidenceLines))
    lines.push(`> ${escapeMrkdwn(truncateText(line, 300))}`);
  return lines.join("\n");
}

export function renderFindingsPart(part: FindingsPart, budget: PartBudget): RenderedPart {
  if (part.findings.length === 0) {
    return {
      blocks: [mrkdwnSection(`${title(budget.labels.heading(part.title))}\n_${budget.labels.noFindings}_`)],
      shown: { findings: 0, complete: true },
    };
  }
  const others = part.findings.filter((finding) => finding !== budget.cause);
  const hasEvidence = part.findings.some((finding) => finding.evidence.length > 1);
  if (others.length === 0) return { blocks: [], shown: { findings: 1, complete: !hasEvidence } };
  const blocks: SlackBlock[] = [mrkdwnSection(title(budget.labels.heading(part.title)))];
  let used = JSON.stringify(blocks).length + 300;
  let shown = others.length < part.findings.length ? 1 : 0;
  for (const finding of others.slice(0, FINDINGS_SHOWN)) {
    const block = mrkdwnSection(findingText(finding, 1));
    const size = JSON.stringify(block).length + 1;
    if (blocks.length > 1 && used + size > budget.chars) break;
    blocks.push(block);
    used += size;
    shown += 1;
  }
  const complete = shown === part.findings.length;
  if (!complete)
    blocks.push(
      contextLine(budget.labels.moreInThread(part.findings.length - shown, budget.labels.findings)),
    );
  return { blocks, shown: { findings: shown, complete: complete && !hasEvidence } };
}
