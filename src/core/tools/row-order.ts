import type { Cell } from "../answer.js";
import { CodedError } from "../errors.js";

export type RowOrder = "restarts" | "age";

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, y: 31_536_000 };

/**
 * Row indexes in the asked order: most restarts first ("14 (4m ago)" counts 14), or newest first by kubectl's AGE
 * ("45s" before "3d2h"). Ties keep the table's order.
 */
export function orderRows(columns: string[], rows: Cell[][], by: RowOrder, kind: string): number[] {
  const column = columns.indexOf(by === "restarts" ? "RESTARTS" : "AGE");
  if (column < 0)
    throw new CodedError(
      "bad_request",
      `${kind} have no ${by === "restarts" ? "RESTARTS" : "AGE"} column to sort by`,
    );
  const key = (row: Cell[]) => (by === "restarts" ? -restartCount(row[column]) : ageSeconds(row[column]));
  return rows
    .map((row, index) => ({ index, key: key(row) }))
    .sort((a, b) => a.key - b.key || a.index - b.index)
    .map((entry) => entry.index);
}

export function restartCount(cell: Cell): number {
  const match = /^\s*(\d+)/.exec(String(cell ?? ""));
  return match ? Number(match[1]) : 0;
}

/** kubectl's human durations ("5m", "3d2h", "2y45d") in seconds; unreadable ages sort last. */
export function ageSeconds(cell: Cell): number {
  const text = String(cell ?? "");
  const parts = [...text.matchAll(/(\d+)([smhdy])/g)];
  if (parts.length === 0) return Number.POSITIVE_INFINITY;
  return parts.reduce((sum, [, amount, unit]) => sum + Number(amount) * UNIT_SECONDS[unit], 0);
}
