import { describe, expect, it } from "vitest";
import { parseEvalCases } from "../../../src/core/eval/eval-cases.js";
import { formatCalibration, formatScore, runEval } from "../../../src/core/eval/run-eval.js";
import { createBuiltinPlanner } from "../../../src/core/planner/builtin/index.js";
import type { Planner } from "../../../src/core/ports.js";

const lines = [
  '{"q": "list pods in shop", "expect": [{"tool": "get_resources", "args": {"kind": "pods", "namespace": "shop"}}]}',
  "",
  '{"q": "查看shop命名空间的服务", "expect": [{"tool": "get_resources", "args": {"kind": "services", "namespace": "shop"}}]}',
  '{"q": "查看shop命名空间的服务", "expect": [{"tool": "get_resources", "args": {"kind": "pods"}}]}',
  '{"q": "delete pod x", "expect": [], "refuse": true}',
  "not json",
  '{"expect": []}',
].join("\n");

describe("parseEvalCases", () => {
  it("reads cases, skips empty lines and reports bad lines by number", () => {
    const { cases, bad } = parseEvalCases(lines);
    expect(cases.map((entry) => entry.line)).toEqual([1, 3, 4, 5]);
    expect(cases[3]).toMatchObject({ q: "delete pod x", refuse: true, expect: [] });
    expect(bad.map((entry) => entry.line)).toEqual([6, 7]);
    expect(bad[1].message).toMatch(/q/);
  });
});

describe("runEval", () => {
  it("scores per language and overall, and keeps each failure", async () => {
    const { cases } = parseEvalCases(lines);
    const report = await runEval(createBuiltinPlanner(), cases, { resourceTypes: [] });
    expect(report.byLanguage).toEqual({ en: { passed: 2, total: 2 }, zh: { passed: 1, total: 2 } });
    expect(report.overall).toEqual({ passed: 3, total: 4 });
    expect(report.failures).toHaveLength(1);
    expect(report.failures[0]).toMatchObject({
      language: "zh",
      reason: 'call 1: kind="services", expected "pods"',
    });
    expect(report.failures[0].got).toEqual([
      { tool: "get_resources", args: { kind: "services", namespace: "shop" } },
    ]);
    expect(formatScore(report)).toBe("en 2/2 (100.0%)  zh 1/2 (50.0%)  overall 3/4 (75.0%)");
  });

  it("counts a planner that throws as a failure, not a crash", async () => {
    const broken: Planner = { name: "broken", plan: () => Promise.reject(new Error("boom")) };
    const { cases } = parseEvalCases(lines);
    const report = await runEval(broken, cases, { resourceTypes: [] });
    expect(report.overall).toEqual({ passed: 0, total: 4 });
    expect(report.failures[0].reason).toBe("planner error: boom");
  });
});

describe("runEval's calibration", () => {
  it("counts plans and right plans per confidence bucket, and prints them", async () => {
    const { cases } = parseEvalCases(lines);
    const confident: Planner = {
      name: "fixed",
      async plan(question) {
        const right = question.text === "list pods in shop";
        return {
          calls: [{ tool: "get_resources", args: { kind: "pods", namespace: "shop" } }],
          refusal: null,
          confidence: right ? 0.9 : 0.3,
          planner: "fixed",
        };
      },
    };
    const report = await runEval(confident, cases, { resourceTypes: [] });
    expect(report.calibration.map((row) => [row.from, row.plans, row.right])).toEqual([
      [0, 0, 0],
      [0.2, 3, 0],
      [0.4, 0, 0],
      [0.6, 0, 0],
      [0.8, 1, 1],
    ]);
    expect(formatCalibration(report)).toContain("confidence 0.8–1.0  plans 1  right 1 (100%)");
  });
});
