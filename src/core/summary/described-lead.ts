import { describedLinesAsked } from "../described-lines.js";

/**
 * "ledger-…-5frbj: QoS Class Burstable": the describe lines a question asked for (described-lines.ts), said before
 * the description's headline; undefined when the question asked for none of them or the object has none.
 */
export function describedLead(
  question: string | undefined,
  facts: Record<string, unknown>,
): string | undefined {
  if (question === undefined || !Array.isArray(facts.lines)) return undefined;
  const lines = facts.lines as [string, string][];
  const asked = describedLinesAsked(question).flatMap(({ label }) => {
    const found = lines.find(([key]) => key === label);
    return found ? [`${label} ${found[1].replace(/\s*\n\s*/g, "; ")}`] : [];
  });
  if (asked.length === 0) return undefined;
  return `${typeof facts.name === "string" ? `${facts.name}: ` : ""}${asked.join("; ")}`;
}
