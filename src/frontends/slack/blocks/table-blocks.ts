import type { types } from "@slack/bolt";
import type { TablePart } from "../../../core/answer.js";
import { fenceCode, SLACK_LIMITS, type SlackBlock, truncateText } from "./limits.js";
import { alignedLines, cellText, isLongColumn, isNumericColumn, visibleColumnCount } from "./table-cells.js";

export interface TableBudget {
  /** Data rows at most (the header row comes on top). */
  maxRows: number;
  /** Characters of blocks JSON the table may take. */
  maxChars: number;
  /** First data row to show (thread messages continue where the channel stopped). */
  fromRow?: number;
  /** Columns at most (the first screen shows a few; Details all). */
  maxColumns?: number;
}

export interface RenderedTable {
  block: SlackBlock;
  shownRows: number;
  shownColumns: number;
}

function rawCell(text: string): types.RawTextElement {
  return { type: "raw_text", text };
}

function boldCell(text: string): types.RichTextBlock {
  return {
    type: "rich_text",
    elements: [{ type: "rich_text_section", elements: [{ type: "text", text, style: { bold: true } }] }],
  };
}

/** Slack's native `table` block: a bold header row, then as many rows as the budget holds (at least one). */
export function renderNativeTable(part: TablePart, budget: TableBudget): RenderedTable {
  const columns = visibleColumnCount(part, budget.maxColumns);
  const from = budget.fromRow ?? 0;
  const header = part.columns.slice(0, columns).map((title) => boldCell(cellText(title)));
  const column_settings = part.columns.slice(0, columns).map((_, column) => {
    if (isNumericColumn(part, column, 50)) return { align: "right" as const };
    return isLongColumn(part, column, 50)
      ? { align: "left" as const, is_wrapped: true }
      : { align: "left" as const };
  });
  const table: types.TableBlock = { type: "table", column_settings, rows: [header] };
  const maxRows = Math.min(budget.maxRows, SLACK_LIMITS.tableRows - 1, part.rows.length - from);
  let size = JSON.stringify(table).length;
  let shown = 0;
  while (shown < maxRows) {
    const row = part.rows[from + shown].slice(0, columns);
    while (row.length < columns) row.push(null);
    const cells = row.map((cell) => rawCell(cellText(cell)));
    const rowSize = JSON.stringify(cells).length + 1;
    if (shown > 0 && size + rowSize > budget.maxChars) break;
    table.rows.push(cells);
    size += rowSize;
    shown += 1;
  }
  return { block: table, shownRows: shown, shownColumns: columns };
}

/** An aligned monospace section: where a native table cannot go (a second table in one message). */
export function renderMonospaceTable(part: TablePart, budget: TableBudget): RenderedTable {
  const columns = visibleColumnCount(part, budget.maxColumns);
  const from = budget.fromRow ?? 0;
  const maxChars = Math.min(budget.maxChars, SLACK_LIMITS.sectionText) - 80;
  const header = part.columns.slice(0, columns).map((title) => cellText(title, 60));
  const candidates = part.rows
    .slice(from, from + Math.min(budget.maxRows, part.rows.length - from))
    .map((row) => Array.from({ length: columns }, (_, column) => cellText(row[column] ?? null, 60)));
  let shown = candidates.length;
  let text = fenceCode(alignedLines(header, candidates).join("\n"));
  // Shrink until it fits: aligned widths depend on every row, so re-align after each cut.
  while (shown > 1 && text.length > maxChars) {
    shown = Math.max(1, Math.floor(shown * 0.8));
    text = fenceCode(alignedLines(header, candidates.slice(0, shown)).join("\n"));
  }
  if (text.length > maxChars) {
    text = fenceCode(truncateText(alignedLines(header, [])[0], maxChars / 2));
    shown = 0;
  }
  return {
    block: { type: "section", text: { type: "mrkdwn", text, verbatim: true } },
    shownRows: shown,
    shownColumns: columns,
  };
}
