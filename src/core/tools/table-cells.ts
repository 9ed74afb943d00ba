import type { Cell } from "../answer.js";

/** A Table cell as the answer model holds it: numbers and strings as they are, anything else as text. */
export function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string") return value;
  if (typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}
