import type { ErrorCode } from "./errors.js";
import type { Language } from "./question.js";

/** The neutral answer every front end renders its own way (Block Kit, JSON + HTML, terminal text, MCP). */
export type Cell = string | number | null;

export interface TablePart {
  type: "table";
  title: string;
  columns: string[];
  /** Every row the tool read (front ends bound what they show and say "N more"). */
  rows: Cell[][];
  /** Index of the column holding object names, for details and Diagnose buttons. */
  nameColumn?: number;
  /** Rows that look unhealthy (indexes into `rows`), so front ends can offer Diagnose. */
  unhealthyRows?: number[];
}

export interface TextPart {
  type: "text";
  title: string;
  text: string;
}

export interface CodePart {
  type: "code";
  title: string;
  language: "yaml" | "log" | "text" | "json";
  code: string;
  /** True when the tool cut the output (the full text is not kept). */
  truncated?: boolean;
}

export type Severity = "critical" | "warning" | "info";

export interface ObjectRef {
  kind: string;
  name: string;
  namespace?: string;
}

export interface Finding {
  severity: Severity;
  object: ObjectRef;
  /** Short machine-friendly reason: CrashLoopBackOff, ImagePullBackOff, OOMKilled, ... */
  reason: string;
  /** One plain sentence for a human. */
  message: string;
  /** Lines of evidence: event messages, log lines, conditions. */
  evidence: string[];
}

export interface FindingsPart {
  type: "findings";
  title: string;
  findings: Finding[];
}

export type AnswerPart = TablePart | TextPart | CodePart | FindingsPart;

export interface ToolCall {
  tool: string;
  args: Record<string, unknown>;
}

/** What running one call produced; a failed tool is data, not an exception. */
export interface CallRecord extends ToolCall {
  ok: boolean;
  error?: { code: string; message: string };
  durationMs: number;
  /** Plain facts the summariser reads (counts, not-ready names, the object a prefix resolved to...). */
  facts?: Record<string, unknown>;
}

export interface Timings {
  totalMs: number;
  planningMs: number;
  clusterMs: number;
  llmMs: number;
}

export interface Answer {
  requestId: string;
  question: string;
  language: Language;
  summary: string;
  parts: AnswerPart[];
  calls: CallRecord[];
  /** Set when the question was refused: the reason, in the user's language. */
  refusal: string | null;
  /** Set when no answer could be given (bad input, unknown cluster, an internal failure): a code front ends map to a status. */
  error?: { code: ErrorCode; message: string };
  planner: string;
  model?: string;
  cluster: string;
  /** The namespace the answer is about, when there is one. */
  namespace?: string;
  timings: Timings;
  /** ISO time when the answer was computed (a cached answer keeps its original time). */
  computedAt: string;
  cached: boolean;
  /** One-line notes for the user: fallbacks, resolved prefixes, truncation. */
  notes: string[];
  tokens?: { in: number; out: number };
  rounds?: number;
}
