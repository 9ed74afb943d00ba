import type { Cell, TablePart } from "../../../core/answer.js";
import type { SlackLabels } from "./labels.js";

/** Columns a narrow screen should see first, in this order, when the table has them. */
const LEADING_COLUMNS = ["NAME", "STATUS"];

/**
 * The table as Slack shows it: NAME and STATUS first (a phone shows the first columns), unhealthy rows
 * first (in their original order, then the healthy ones), headings in the user's language. The first
 * screen and Details both read this arrangement, so "rows 21–40" continue where the channel stopped.
 */
export function arrangeTable(part: TablePart, labels: SlackLabels): TablePart {
  const upper = part.columns.map((column) => column.trim().toUpperCase());
  const leading = LEADING_COLUMNS.map((name) => upper.indexOf(name)).filter((index) => index >= 0);
  if (part.nameColumn !== undefined && !leading.includes(part.nameColumn)) leading.unshift(part.nameColumn);
  const order = [...leading, ...part.columns.map((_, index) => index).filter((i) => !leading.includes(i))];
  const unhealthy = new Set(part.unhealthyRows ?? []);
  const rowOrder = [
    ...part.rows.map((_, index) => index).filter((index) => unhealthy.has(index)),
    ...part.rows.map((_, index) => index).filter((index) => !unhealthy.has(index)),
  ];
  const rows = rowOrder.map((index) => order.map((column) => part.rows[index][column] ?? null));
  return {
    ...part,
    title: labels.heading(part.title),
    columns: order.map((column) => labels.heading(part.columns[column])),
    rows,
    nameColumn: part.nameColumn === undefined ? undefined : order.indexOf(part.nameColumn),
    unhealthyRows: rowOrder.flatMap((index, at) => (unhealthy.has(index) ? [at] : [])),
  };
}

/** A table of key/value rows with blank headings (the cluster overview): shown as section fields. */
export function isKeyValueTable(part: TablePart): boolean {
  return (
    part.columns.length === 2 &&
    part.columns.every((column) => column.trim() === "" || column.trim() === "-") &&
    part.rows.length > 0
  );
}

/** Numbers as they come from kubectl-like tools: "14", "14 (3m ago)", "250m", "1.5Gi", "37%". */
const NUMBER_LIKE = /^-?\d[\d,.]*(?:m|Ki|Mi|Gi|Ti|k|M|G|%)?(?: \([^)]*\))?$/;

export function isNumberLike(cell: Cell): boolean {
  return typeof cell === "number" || (typeof cell === "string" && NUMBER_LIKE.test(cell.trim()));
}

/** Cells longer than this make a column wrap rather than run off a phone's screen. */
export const WRAP_AT_CHARS = 28;
