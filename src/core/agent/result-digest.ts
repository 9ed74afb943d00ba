import type { AnswerPart } from "../answer.js";
import type { ExecutedCall } from "../ports.js";
import { redactText } from "../redact.js";
import { byteTokenCounter, type TokenCounter, truncateToTokens } from "./token-estimate.js";

const MAX_FINDINGS_EVIDENCE = 2;

/** One call's result as the LLM reads it: redacted, compact (tables as tab-separated rows) and cut to a token budget. */
export function digestForLlm(
  executed: ExecutedCall,
  maxTokens: number,
  counter: TokenCounter = byteTokenCounter,
): string {
  const { record } = executed;
  if (!record.ok)
    return redactText(
      `error ${record.error?.code ?? "failed"}: ${record.error?.message ?? "the call failed"}`,
    );
  const sections: string[] = [];
  if (record.facts && Object.keys(record.facts).length > 0)
    sections.push(`facts: ${JSON.stringify(record.facts)}`);
  for (const part of executed.parts) sections.push(renderPart(part));
  for (const note of executed.notes) sections.push(`note: ${note}`);
  const text = sections.join("\n") || "ok (no output)";
  // Parts, facts and notes were redacted once when the tool returned them (defineTool): not scanned again.
  return truncateToTokens(text, maxTokens, counter);
}

/** The digests of several calls sharing one budget. */
export function digestsForLlm(
  calls: ExecutedCall[],
  totalTokens: number,
  counter: TokenCounter = byteTokenCounter,
): string[] {
  const share = Math.max(100, Math.floor(totalTokens / Math.max(1, calls.length)));
  return calls.map((call) => digestForLlm(call, share, counter));
}

function renderPart(part: AnswerPart): string {
  switch (part.type) {
    case "table":
      return [
        `table "${part.title}" (${part.rows.length} rows)`,
        part.columns.join("\t"),
        ...part.rows.map((row) => row.map((cell) => (cell === null ? "" : String(cell))).join("\t")),
      ].join("\n");
    case "text":
      return `${part.title}:\n${part.text}`;
    case "code":
      return `${part.title}${part.truncated ? " (cut)" : ""}:\n${part.code}`;
    case "findings":
      return [
        `findings "${part.title}" (${part.findings.length})`,
        ...part.findings.map((finding) => {
          const where = `${finding.object.kind} ${finding.object.namespace ? `${finding.object.namespace}/` : ""}${finding.object.name}`;
          const evidence = finding.evidence.slice(0, MAX_FINDINGS_EVIDENCE).join(" | ");
          return `${finding.severity} ${finding.reason} ${where}: ${finding.message}${evidence ? ` [${evidence}]` : ""}`;
        }),
      ].join("\n");
    default:
      return "";
  }
}
