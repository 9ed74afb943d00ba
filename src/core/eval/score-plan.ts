import type { ToolCall } from "../answer.js";
import { createKindLexicon, type KindLexicon } from "../planner/builtin/kind-lexicon.js";

/** One case of an eval set (`../eval/*.jsonl`). */
export interface EvalCase {
  q: string;
  expect: ToolCall[];
  refuse?: boolean;
}

/** What a planner produced for a case, as `k8helper plan --json` prints it. */
export interface PlanOutput {
  calls: ToolCall[];
  refusal: string | null;
}

export interface CaseVerdict {
  pass: boolean;
  /** Why it failed, in a line. */
  reason?: string;
}

const builtinLexicon = createKindLexicon();

/**
 * TOOLS.md's rule: a refuse case passes with no calls and a non-empty refusal; otherwise the calls equal the
 * expected ones in order, after dropping null/false/""/[] arguments and normalising `kind` to its canonical plural.
 */
export function scorePlan(
  evalCase: EvalCase,
  output: PlanOutput,
  lexicon: KindLexicon = builtinLexicon,
): CaseVerdict {
  if (evalCase.refuse) {
    if (output.calls.length > 0) return { pass: false, reason: "expected a refusal, got calls" };
    if (!output.refusal || output.refusal.trim() === "")
      return { pass: false, reason: "expected a refusal, got none" };
    return { pass: true };
  }
  if (output.refusal && output.calls.length === 0)
    return { pass: false, reason: "refused a question it should answer" };
  const expected = evalCase.expect.map((call) => normaliseCall(call, lexicon));
  const got = output.calls.map((call) => normaliseCall(call, lexicon));
  if (expected.length !== got.length) {
    return { pass: false, reason: `expected ${expected.length} call(s), got ${got.length}` };
  }
  for (let i = 0; i < expected.length; i++) {
    const difference = callDifference(expected[i], got[i]);
    if (difference) return { pass: false, reason: `call ${i + 1}: ${difference}` };
  }
  return { pass: true };
}

/** A call with empty arguments dropped and `kind` canonical, as scoring compares it. */
export function normaliseCall(call: ToolCall, lexicon: KindLexicon = builtinLexicon): ToolCall {
  const args: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(call.args ?? {})) {
    if (value === null || value === undefined || value === false || value === "") continue;
    if (Array.isArray(value) && value.length === 0) continue;
    args[key] =
      key === "kind" && typeof value === "string" ? (lexicon.canonical(value) ?? value.toLowerCase()) : value;
  }
  return { tool: call.tool, args };
}

function callDifference(expected: ToolCall, got: ToolCall): string | undefined {
  if (expected.tool !== got.tool) return `tool ${got.tool}, expected ${expected.tool}`;
  const keys = new Set([...Object.keys(expected.args), ...Object.keys(got.args)]);
  for (const key of keys) {
    if (!(key in got.args)) return `missing ${key}`;
    if (!(key in expected.args)) return `extra ${key}=${JSON.stringify(got.args[key])}`;
    if (JSON.stringify(expected.args[key]) !== JSON.stringify(got.args[key])) {
      return `${key}=${JSON.stringify(got.args[key])}, expected ${JSON.stringify(expected.args[key])}`;
    }
  }
  return undefined;
}
