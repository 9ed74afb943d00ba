import type { AnswerPart, TablePart } from "../answer.js";

const MAX_REASONS = 5;
const MAX_OBJECTS = 2;

/**
 * "12 events, 12 warnings" says nothing an on-call engineer can act on: the warnings' reasons and the objects each
 * is about, most frequent first ("BackOff: pod/checkout-…, pod/ledger-…; FailedScheduling: pod/fraud-…").
 */
export function warningDigest(parts: readonly AnswerPart[]): string | undefined {
  const table = parts.find(
    (part): part is TablePart =>
      part.type === "table" && part.columns.includes("REASON") && part.columns.includes("OBJECT"),
  );
  if (!table) return undefined;
  const at = (name: string) => table.columns.indexOf(name);
  const [type, reason, object] = [at("TYPE"), at("REASON"), at("OBJECT")];
  const byReason = new Map<string, string[]>();
  for (const row of table.rows) {
    if (type >= 0 && String(row[type]) !== "Warning") continue;
    const objects = byReason.get(String(row[reason])) ?? [];
    const name = String(row[object]);
    if (!objects.includes(name)) objects.push(name);
    byReason.set(String(row[reason]), objects);
  }
  if (byReason.size === 0) return undefined;
  return [...byReason]
    .sort((a, b) => b[1].length - a[1].length)
    .slice(0, MAX_REASONS)
    .map(([said, objects]) => {
      const more = objects.length > MAX_OBJECTS ? ` +${objects.length - MAX_OBJECTS}` : "";
      return `${said}: ${objects.slice(0, MAX_OBJECTS).join(", ")}${more}`;
    })
    .join("; ");
}
