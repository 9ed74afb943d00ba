import type { ToolCall } from "../answer.js";
import { errorMessage } from "../errors.js";
import { detectLanguage } from "../language.js";
import { createKindLexicon } from "../planner/builtin/kind-lexicon.js";
import type { PlanContext, Planner } from "../ports.js";
import type { Language } from "../question.js";
import { type EvalCase, scorePlan } from "./score-plan.js";

export interface EvalFailure {
  q: string;
  language: Language;
  expected: ToolCall[];
  refuse: boolean;
  got: ToolCall[];
  refusal: string | null;
  reason: string;
}

export interface Tally {
  passed: number;
  total: number;
}

export interface EvalReport {
  byLanguage: Record<Language, Tally>;
  overall: Tally;
  failures: EvalFailure[];
  /** Plans and right plans per confidence bucket: whether the planner's confidence predicts a right plan. */
  calibration: CalibrationRow[];
}

export interface CalibrationRow {
  /** The bucket's lower bound; it holds confidences in [from, from + 0.2), the last one up to 1. */
  from: number;
  plans: number;
  right: number;
}

const BUCKETS = [0, 0.2, 0.4, 0.6, 0.8];

/** Plans every case in order and scores it by TOOLS.md's rule, per language (detectLanguage) and overall. */
export async function runEval(
  planner: Planner,
  cases: readonly EvalCase[],
  context: PlanContext,
): Promise<EvalReport> {
  const lexicon = createKindLexicon(context.resourceTypes);
  const report: EvalReport = {
    byLanguage: { en: { passed: 0, total: 0 }, zh: { passed: 0, total: 0 } },
    overall: { passed: 0, total: 0 },
    failures: [],
    calibration: BUCKETS.map((from) => ({ from, plans: 0, right: 0 })),
  };
  for (const [index, evalCase] of cases.entries()) {
    const language = detectLanguage(evalCase.q);
    const output = await planner
      .plan(
        { text: evalCase.q, user: "eval", frontend: "cli", scope: {}, requestId: `eval-${index + 1}` },
        context,
      )
      .then((plan) => ({
        calls: plan.calls,
        refusal: plan.refusal,
        confidence: plan.confidence,
        error: undefined as string | undefined,
      }))
      .catch((error: unknown) => ({
        calls: [] as ToolCall[],
        refusal: null,
        confidence: 0,
        error: errorMessage(error),
      }));
    const verdict = output.error
      ? { pass: false, reason: `planner error: ${output.error}` }
      : scorePlan(evalCase, output, lexicon);
    report.byLanguage[language].total++;
    report.overall.total++;
    const bucket = report.calibration[bucketOf(output.confidence)];
    bucket.plans++;
    if (verdict.pass) bucket.right++;
    if (verdict.pass) {
      report.byLanguage[language].passed++;
      report.overall.passed++;
      continue;
    }
    report.failures.push({
      q: evalCase.q,
      language,
      expected: evalCase.expect,
      refuse: evalCase.refuse === true,
      got: output.calls,
      refusal: output.refusal,
      reason: verdict.reason ?? "failed",
    });
  }
  return report;
}

function bucketOf(confidence: number): number {
  const index = BUCKETS.findLastIndex((from) => confidence >= from);
  return Math.max(0, index);
}

/** One line per confidence bucket: "0.6–0.8  plans 12  right 10 (83%)". */
export function formatCalibration(report: EvalReport): string {
  return report.calibration
    .map((row) => {
      const to = row.from >= 0.8 ? 1 : row.from + 0.2;
      const share = row.plans === 0 ? "-" : `${Math.round((100 * row.right) / row.plans)}%`;
      return `confidence ${row.from.toFixed(1)}–${to.toFixed(1)}  plans ${row.plans}  right ${row.right} (${share})`;
    })
    .join("\n");
}

/** `en 40/40 (100.0%)  zh 20/20 (100.0%)  overall 60/60 (100.0%)` */
export function formatScore(report: EvalReport): string {
  const part = (label: string, tally: Tally) =>
    `${label} ${tally.passed}/${tally.total} (${tally.total === 0 ? "-" : `${((100 * tally.passed) / tally.total).toFixed(1)}%`})`;
  return [
    part("en", report.byLanguage.en),
    part("zh", report.byLanguage.zh),
    part("overall", report.overall),
  ].join("  ");
}
