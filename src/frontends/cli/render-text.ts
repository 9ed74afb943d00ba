import stringWidth from "string-width";
import type { Answer, AnswerPart, Cell, Finding, TablePart } from "../../core/answer.js";

/** Tables longer than this show their first rows and "N more" (the full data stays in --json). */
export const MAX_TABLE_ROWS = 200;

const SEVERITY_LABEL = { critical: "CRITICAL", warning: "WARNING", info: "INFO" } as const;
/** Columns a table keeps at least when it is cut to the terminal's width. */
const MIN_COLUMN_WIDTH = 8;
const COLUMN_GAP = "   ";

export type TextStyle = "heading" | "error" | "refusal" | "critical" | "warning" | "dim";

export interface TextOptions {
  /** The terminal's width: tables are cut to it (a pipe gets them whole). */
  columns?: number;
  /** Colour for a TTY; plain text without it. */
  style?: (kind: TextStyle, text: string) => string;
}

const plain = (_kind: TextStyle, text: string) => text;

/** An Answer for a terminal: summary (or refusal, or error), the parts, the notes, one line of provenance. */
export function renderAnswerText(answer: Answer, options: TextOptions = {}): string {
  const style = options.style ?? plain;
  const blocks: string[] = [];
  if (answer.error) blocks.push(style("error", `Error (${answer.error.code}): ${answer.error.message}`));
  else if (answer.refusal) blocks.push(style("refusal", answer.refusal));
  else if (answer.summary) blocks.push(answer.summary);
  if (answer.parts.length > 0) blocks.push(renderPartsText(answer.parts, { ...options, style }));
  // A failure the summary already tells (its message quoted there) is not printed a second time.
  for (const call of answer.calls.filter((record) => !record.ok)) {
    const message = call.error?.message ?? "unknown error";
    if (!answer.summary.includes(message) && !answer.error?.message.includes(message))
      blocks.push(style("error", `${call.tool} failed: ${message}`));
  }
  if (answer.notes.length > 0) blocks.push(answer.notes.map((note) => `note: ${note}`).join("\n"));
  const provenance = [
    `cluster ${answer.cluster}`,
    `planner ${answer.planner}${answer.model ? ` (${answer.model})` : ""}`,
    `${answer.timings.totalMs} ms`,
    ...(answer.cached ? [`cached ${answer.computedAt}`] : []),
  ];
  blocks.push(style("dim", `— ${provenance.join(" · ")}`));
  return blocks.join("\n\n");
}

/** Every part as plain text: aligned tables (CJK-aware widths), text, code, findings. */
export function renderPartsText(parts: AnswerPart[], options: TextOptions = {}): string {
  return parts.map((part) => renderPart(part, options.style ?? plain, options.columns)).join("\n\n");
}

function renderPart(part: AnswerPart, style: Required<TextOptions>["style"], columns?: number): string {
  const title = style("heading", part.title);
  switch (part.type) {
    case "table":
      return renderTable(part, title, columns);
    case "text":
      return `${title}\n${part.text}`;
    case "code":
      return `${title}\n${part.code.replace(/\n$/, "")}${part.truncated ? "\n[truncated]" : ""}`;
    case "findings":
      return part.findings.length === 0
        ? `${title}\nNo problems found.`
        : `${title}\n${part.findings.map((finding) => renderFinding(finding, style)).join("\n")}`;
  }
}

function renderTable(table: TablePart, title: string, columns?: number): string {
  const shown = table.rows.slice(0, MAX_TABLE_ROWS);
  const header = table.columns.some((column) => column !== "") ? [table.columns] : [];
  const lines = alignColumns(
    [...header, ...shown.map((row) => row.map(cellText))],
    columns,
    table.nameColumn,
  );
  if (table.rows.length > shown.length) lines.push(`… ${table.rows.length - shown.length} more rows`);
  if (table.rows.length === 0) lines.push("(none)");
  return [title, ...lines].join("\n");
}

/**
 * Pads every column to its widest cell as a terminal shows it (a CJK character takes two columns). Given a
 * width, the widest columns give way first until the rows fit, and cut cells end in "…"; the `keep` column (the
 * objects' names, which the next command needs whole) gives way only once the others cannot.
 */
export function alignColumns(rows: string[][], maxWidth?: number, keep?: number): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, index) => {
      widths[index] = Math.max(widths[index] ?? 0, stringWidth(cell));
    });
  }
  if (maxWidth) fitWidths(widths, maxWidth, keep);
  return rows.map((row) =>
    row
      .map((cell, index) => {
        const fitted = cutToWidth(cell, widths[index]);
        return index === row.length - 1 ? fitted : fitted + " ".repeat(widths[index] - stringWidth(fitted));
      })
      .join(COLUMN_GAP)
      .trimEnd(),
  );
}

function fitWidths(widths: number[], maxWidth: number, keep?: number): void {
  const total = () => widths.reduce((sum, width) => sum + width, 0) + COLUMN_GAP.length * (widths.length - 1);
  const shrink = (columns: number[]) => {
    while (columns.length > 0 && total() > maxWidth) {
      const widest = columns.reduce((best, column) => (widths[column] > widths[best] ? column : best));
      if (widths[widest] <= MIN_COLUMN_WIDTH) return;
      widths[widest] -= 1;
    }
  };
  const all = widths.map((_, column) => column);
  shrink(all.filter((column) => column !== keep));
  shrink(all);
}

function cutToWidth(cell: string, width: number): string {
  if (stringWidth(cell) <= width) return cell;
  let cut = "";
  for (const character of cell) {
    if (stringWidth(cut + character) > width - 1) break;
    cut += character;
  }
  return `${cut}…`;
}

function cellText(cell: Cell): string {
  return cell === null ? "<none>" : String(cell).replace(/\s*\n\s*/g, " ");
}

function renderFinding(finding: Finding, style: Required<TextOptions>["style"]): string {
  const where = finding.object.namespace ? `${finding.object.namespace}/` : "";
  const label = `[${SEVERITY_LABEL[finding.severity]}]`;
  const severity = finding.severity === "info" ? label : style(finding.severity, label);
  const head = `${severity} ${finding.object.kind} ${where}${finding.object.name}: ${finding.reason}`;
  return [head, `  ${finding.message}`, ...finding.evidence.map((line) => `  - ${line}`)].join("\n");
}
