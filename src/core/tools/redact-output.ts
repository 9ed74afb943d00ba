import type { AnswerPart, Cell } from "../answer.js";
import type { ToolOutput } from "./define-tool.js";

/** The last lock before output leaves a tool: every string of every part goes through the redactor. */
export function redactOutput(output: ToolOutput, redact: (text: string) => string): ToolOutput {
  return {
    parts: output.parts.map((part) => redactPart(part, redact)),
    facts: redactUnknown(output.facts, redact) as Record<string, unknown>,
    notes: output.notes?.map(redact),
  };
}

function redactPart(part: AnswerPart, redact: (text: string) => string): AnswerPart {
  switch (part.type) {
    case "table":
      return {
        ...part,
        title: redact(part.title),
        rows: part.rows.map((row) => row.map((cell) => redactCell(cell, redact))),
      };
    case "text":
      return { ...part, text: redact(part.text) };
    case "code":
      return { ...part, code: redact(part.code) };
    case "findings":
      return {
        ...part,
        findings: part.findings.map((finding) => ({
          ...finding,
          message: redact(finding.message),
          evidence: finding.evidence.map(redact),
        })),
      };
  }
}

function redactCell(cell: Cell, redact: (text: string) => string): Cell {
  return typeof cell === "string" ? redact(cell) : cell;
}

function redactUnknown(value: unknown, redact: (text: string) => string): unknown {
  if (typeof value === "string") return redact(value);
  if (Array.isArray(value)) return value.map((item) => redactUnknown(item, redact));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => [key, redactUnknown(child, redact)]),
    );
  }
  return value;
}
