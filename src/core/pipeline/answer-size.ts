import type { Answer, AnswerPart } from "../answer.js";
import type { Language } from "../question.js";

export const DEFAULT_MAX_ANSWER_BYTES = 256 * 1024;

const encoder = new TextEncoder();
const bytesOf = (value: unknown) => encoder.encode(JSON.stringify(value)).length;

/**
 * Bounds what one answer carries (K8HELPER_MAX_ANSWER_BYTES): parts are kept in order while they fit; the part
 * that crosses the limit is cut (rows, findings, or text on a line boundary) and the rest are left out, with one
 * note saying so in the question's language. A part's size is its JSON size, what the REST API and MCP send.
 */
export function capAnswerSize(answer: Answer, maxBytes: number): Answer {
  if (bytesOf(answer.parts) <= maxBytes) return answer;
  const parts: AnswerPart[] = [];
  let left = maxBytes - 2; // the list's brackets
  let cut = 0;
  for (const part of answer.parts) {
    if (parts.length > 0) left -= 1; // the comma before it
    const size = bytesOf(part);
    if (size <= left) {
      parts.push(part);
      left -= size;
      continue;
    }
    cut++;
    const shortened = left > 0 ? shortenPart(part, left) : undefined;
    if (shortened) parts.push(shortened);
    left = 0;
  }
  return { ...answer, parts, notes: [...answer.notes, answerCutNote(answer.language, maxBytes, cut)] };
}

function answerCutNote(language: Language, maxBytes: number, cut: number): string {
  const limit = maxBytes % 1024 === 0 ? `${maxBytes / 1024} KiB` : `${maxBytes} bytes`;
  return language === "zh"
    ? `回答超过 ${limit} 的上限（K8HELPER_MAX_ANSWER_BYTES），${cut} 个部分被截断或省略；请缩小问题的范围（命名空间、名称、标签）。`
    : `The answer is over its ${limit} limit (K8HELPER_MAX_ANSWER_BYTES): ${cut} part${cut === 1 ? " was" : "s were"} cut or left out; narrow the question (a namespace, a name, a label) to see the rest.`;
}

/** The part cut down to at most `budget` bytes, or undefined when not even its frame fits. */
function shortenPart(part: AnswerPart, budget: number): AnswerPart | undefined {
  switch (part.type) {
    case "table": {
      const rows = part.rows.slice(
        0,
        fittingCount(part.rows.length, (n) => bytesOf({ ...part, rows: part.rows.slice(0, n) }), budget),
      );
      const kept = new Set(rows.map((_, index) => index));
      const unhealthyRows = part.unhealthyRows?.filter((index) => kept.has(index));
      return bytesOf({ ...part, rows }) <= budget ? { ...part, rows, unhealthyRows } : undefined;
    }
    case "findings": {
      const count = fittingCount(
        part.findings.length,
        (n) => bytesOf({ ...part, findings: part.findings.slice(0, n) }),
        budget,
      );
      const shortened = { ...part, findings: part.findings.slice(0, count) };
      return bytesOf(shortened) <= budget ? shortened : undefined;
    }
    case "code": {
      const code = cutText(part.code, budget - bytesOf({ ...part, code: "", truncated: true }));
      return code === undefined ? undefined : { ...part, code, truncated: true };
    }
    case "text": {
      const text = cutText(part.text, budget - bytesOf({ ...part, text: "" }));
      return text === undefined ? undefined : { ...part, text };
    }
  }
}

/** The largest n (0..total) whose size fits the budget; sizes grow with n, so a binary search. */
function fittingCount(total: number, sizeOf: (n: number) => number, budget: number): number {
  let low = 0;
  let high = total;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (sizeOf(middle) <= budget) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The text's leading whole lines within `budget` JSON bytes (escapes counted), or undefined when none fit. */
function cutText(text: string, budget: number): string | undefined {
  if (budget <= 0) return undefined;
  const lines = text.split("\n");
  const count = fittingCount(lines.length, (n) => bytesOf(lines.slice(0, n).join("\n")) - 2, budget);
  if (count > 0) return lines.slice(0, count).join("\n");
  // One line longer than the budget: its leading characters (whole code points).
  const characters = [...lines[0]!];
  const kept = fittingCount(characters.length, (n) => bytesOf(characters.slice(0, n).join("")) - 2, budget);
  return kept === 0 ? undefined : characters.slice(0, kept).join("");
}
