import stringWidth from "string-width";
import type { Cell, TablePart } from "../../../core/answer.js";
import { SLACK_LIMITS, TABLE_CELL_CHARS, truncateText } from "./limits.js";
import { isNumberLike, WRAP_AT_CHARS } from "./table-arrange.js";

/** A cell as one line of text: Slack cells need at least one character, so empty shows as "-". */
export function cellText(cell: Cell, maxChars = TABLE_CELL_CHARS): string {
  if (cell === null || cell === undefined) return "-";
  const text = String(cell)
    .replace(/\s*\n\s*/g, " ")
    .trim();
  return text === "" ? "-" : truncateText(text, maxChars);
}

/** The columns a message can show: Slack allows 20 cells a row. */
export function visibleColumnCount(part: TablePart, maxColumns: number = SLACK_LIMITS.tableCells): number {
  return Math.min(part.columns.length, SLACK_LIMITS.tableCells, maxColumns);
}

/** True when a cell of the column (in the sample) is long enough to need wrapping on a phone. */
export function isLongColumn(part: TablePart, column: number, sampleRows: number): boolean {
  return part.rows.slice(0, sampleRows).some((row) => String(row[column] ?? "").length > WRAP_AT_CHARS);
}

/** True when every non-empty cell of the column is a number, or reads as one ("14 (3m ago)", "250m"): aligned right. */
export function isNumericColumn(part: TablePart, column: number, sampleRows: number): boolean {
  let seen = false;
  for (const row of part.rows.slice(0, sampleRows)) {
    const cell = row[column];
    if (cell === null || cell === undefined || cell === "") continue;
    if (!isNumberLike(cell)) return false;
    seen = true;
  }
  return seen;
}

/** Rows as space-aligned lines (display width, so CJK and emoji line up in a monospace font). */
export function alignedLines(header: string[], rows: string[][]): string[] {
  const widths = header.map((title, column) =>
    Math.max(stringWidth(title), ...rows.map((row) => stringWidth(row[column] ?? ""))),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === cells.length - 1 ? cell : cell + " ".repeat(widths[column] - stringWidth(cell)),
      )
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)];
}
