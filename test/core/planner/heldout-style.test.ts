import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseEvalCases } from "../../../src/core/eval/eval-cases.js";
import { runEval } from "../../../src/core/eval/run-eval.js";
import { createBuiltinPlanner } from "../../../src/core/planner/builtin/index.js";

// Cases written to TOOLS.md's conventions in the held-out set's style, expectations first; a regression guard.
const file = new URL("./heldout-style.jsonl", import.meta.url);
const { cases, bad } = parseEvalCases(readFileSync(file, "utf8"));
const MIN_SCORE = 0.97;

describe("builtin planner on the held-out-style set", () => {
  it("reads every line as a case, with both languages and refusals present", () => {
    expect(bad).toEqual([]);
    expect(cases.length).toBeGreaterThanOrEqual(250);
    expect(cases.filter((entry) => entry.refuse).length).toBeGreaterThanOrEqual(30);
    expect(new Set(cases.map((entry) => entry.q)).size).toBe(cases.length);
  });

  it(`scores at least ${MIN_SCORE * 100}% overall and per language`, async () => {
    const report = await runEval(createBuiltinPlanner(), cases, { resourceTypes: [] });
    const score = (tally: { passed: number; total: number }) => tally.passed / tally.total;
    const failures = report.failures.map((failure) => `${failure.q} (${failure.reason})`);
    expect({ overall: score(report.overall) >= MIN_SCORE, failures }).toMatchObject({ overall: true });
    expect(score(report.byLanguage.en)).toBeGreaterThanOrEqual(MIN_SCORE);
    expect(score(report.byLanguage.zh)).toBeGreaterThanOrEqual(MIN_SCORE);
    // No case that must be refused may plan a call: a read-only breach is never within tolerance.
    expect(report.failures.filter((failure) => failure.refuse)).toEqual([]);
  });
});
