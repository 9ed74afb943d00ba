import stringWidth from "string-width";
import type { Answer, AnswerPart, Cell, Finding, TablePart } from "../../core/answer.js";

/** Tables longer than this show their first rows and "N more" (the full data stays in --json). */
export const MAX_TABLE_ROWS = 200;

const SEVERITY_LABEL = { critical: "CRITICAL", warning: "WARNING", info: "INFO" } as const;

/** An Answer for a terminal: summary (or refusal, or error), the parts, the notes, one line of provenance. */
export function renderAnswerText(answer: Answer): string {
  const blocks: string[] = [];
  if (answer.error) blocks.push(`Error (${answer.error.code}): ${answer.error.message}`);
  else if (answer.refusal) blocks.push(answer.refusal);
  else if (answer.summary) blocks.push(answer.summary);
  if (answer.parts.length > 0) blocks.push(renderPartsText(answer.parts));
  for (const call of answer.calls.filter((record) => !record.ok)) {
    blocks.push(`${call.tool} failed: ${call.error?.message ?? "unknown error"}`);
  }
  if (answer.notes.length > 0) blocks.push(answer.notes.map((note) => `note: ${note}`).join("\n"));
  const provenance = [
    `cluster ${answer.cluster}`,
    `planner ${answer.planner}${answer.model ? ` (${answer.model})` : ""}`,
    `${answer.timings.totalMs} ms`,
    ...(answer.cached ? [`cached ${answer.computedAt}`] : []),
  ];
  blocks.push(`— ${provenance.join(" · ")}`);
  return blocks.join("\n\n");
}

/** Every part as plain text: aligned tables (CJK-aware widths), text, code, findings. */
export function renderPartsText(parts: AnswerPart[]): string {
  return parts.map(renderPart).join("\n\n");
}

function renderPart(part: AnswerPart): string {
  switch (part.type) {
    case "table":
      return renderTable(part);
    case "text":
      return `${part.title}\n${part.text}`;
    case "code":
      return `${part.title}\n${part.code.replace(/\n$/, "")}${part.truncated ? "\n[truncated]" : ""}`;
    case "findings":
      return part.findings.length === 0
        ? `${part.title}\nNo problems found.`
        : `${part.title}\n${part.findings.map(renderFinding).join("\n")}`;
  }
}

function renderTable(table: TablePart): string {
  const shown = table.rows.slice(0, MAX_TABLE_ROWS);
  const header = table.columns.some((column) => column !== "") ? [table.columns] : [];
  const lines = alignColumns([...header, ...shown.map((row) => row.map(cellText))]);
  if (table.rows.length > shown.length) lines.push(`… ${table.rows.length - shown.length} more rows`);
  if (table.rows.length === 0) lines.push("(none)");
  return [`${table.title}`, ...lines].join("\n");
}

/** Pads every column to its widest cell as a terminal shows it (a CJK character takes two columns). */
export function alignColumns(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, index) => {
      widths[index] = Math.max(widths[index] ?? 0, stringWidth(cell));
    });
  }
  return rows.map((row) =>
    row
      .map((cell, index) =>
        index === row.length - 1 ? cell : cell + " ".repeat(widths[index] - stringWidth(cell)),
      )
      .join("   ")
      .trimEnd(),
  );
}

function cellText(cell: Cell): string {
  return cell === null ? "<none>" : String(cell).replace(/\s*\n\s*/g, " ");
}

function renderFinding(finding: Finding): string {
  const where = finding.object.namespace ? `${finding.object.namespace}/` : "";
  const head = `[${SEVERITY_LABEL[finding.severity]}] ${finding.object.kind} ${where}${finding.object.name}: ${finding.reason}`;
  return [head, `  ${finding.message}`, ...finding.evidence.map((line) => `  - ${line}`)].join("\n");
}
