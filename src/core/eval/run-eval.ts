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
}

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
  };
  for (const [index, evalCase] of cases.entries()) {
    const language = detectLanguage(evalCase.q);
    const output = await planner
      .plan(
        { text: evalCase.q, user: "eval", frontend: "cli", scope: {}, requestId: `eval-${index + 1}` },
        context,
      )
      .then((plan) => ({ calls: plan.calls, refusal: plan.refusal, error: undefined as string | undefined }))
      .catch((error: unknown) => ({ calls: [] as ToolCall[], refusal: null, error: errorMessage(error) }));
    const verdict = output.error
      ? { pass: false, reason: `planner error: ${output.error}` }
      : scorePlan(evalCase, output, lexicon);
    report.byLanguage[language].total++;
    report.overall.total++;
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
