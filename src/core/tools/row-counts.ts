import type { TableRow } from "../ports.js";

/** Rows per value, most first then by name: { shop: 9, payments: 5 }. */
export function countBy(values: (string | undefined)[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  return Object.fromEntries([...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}

/** Each row's value in a named server-side column (any priority: NODE is a `-o wide` column). */
export function columnValues(
  columns: { name: string }[],
  rows: TableRow[],
  name: string,
): (string | undefined)[] | undefined {
  const index = columns.findIndex((column) => column.name.toUpperCase() === name);
  if (index < 0) return undefined;
  return rows.map((row) => {
    const value = row.cells[index];
    return typeof value === "string" && value !== "" && value !== "<none>" ? value : undefined;
  });
}
