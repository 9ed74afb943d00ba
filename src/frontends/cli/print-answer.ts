import { styleText } from "node:util";
import type { Answer } from "../../core/answer.js";
import { CodedError } from "../../core/errors.js";
import { renderAnswerText, type TextStyle } from "./render-text.js";
import { terminalSafe } from "./terminal-safe.js";

export const OUTPUT_FORMATS = ["text", "json", "yaml"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** What the output goes to: its width for tables, and whether it shows colour. */
export interface Terminal {
  columns?: number;
  colour: boolean;
}

interface OutputStream {
  isTTY?: boolean;
  columns?: number;
  hasColors?: () => boolean;
}

/** A TTY gets colour (unless NO_COLOR: hasColors() says no) and tables cut to its width; a pipe gets plain text. */
export function terminalOf(stream: OutputStream): Terminal {
  if (!stream.isTTY) return { colour: false };
  return { columns: stream.columns, colour: stream.hasColors?.() ?? false };
}

export function parseOutputFormat(value: string | undefined, json?: boolean): OutputFormat {
  if (value === undefined) return json ? "json" : "text";
  if ((OUTPUT_FORMATS as readonly string[]).includes(value)) return value as OutputFormat;
  throw new CodedError("bad_request", `--output must be one of ${OUTPUT_FORMATS.join(", ")}, not "${value}"`);
}

const COLOURS: Record<TextStyle, Parameters<typeof styleText>[0]> = {
  heading: "bold",
  error: "red",
  refusal: "yellow",
  critical: ["bold", "red"],
  warning: "yellow",
  dim: "dim",
};

/** The answer as the format asks, with control characters stripped from everything the cluster wrote. */
export async function formatAnswer(
  answer: Answer,
  format: OutputFormat,
  terminal: Terminal,
): Promise<string> {
  const safe = terminalSafe(answer);
  if (format === "json") return `${JSON.stringify(safe, null, 2)}\n`;
  if (format === "yaml") {
    const { stringify } = await import("yaml");
    return stringify(safe);
  }
  const style = terminal.colour
    ? (kind: TextStyle, text: string) => styleText(COLOURS[kind], text, { validateStream: false })
    : undefined;
  return `${renderAnswerText(safe, { columns: terminal.columns, style })}\n`;
}
