import type { Plan, PlanContext, Planner } from "../ports.js";
import type { Question } from "../question.js";

export interface QuestionUsage {
  q: string;
  tokens: { in: number; out: number };
  /** LLM calls that produced the plan: 0 when the offline planner answered (hybrid, or a fallback). */
  roundTrips: number;
  notes: string[];
}

/** Wraps a planner to record what each question cost in LLM tokens and round trips (for `k8helper eval`). */
export function measurePlanUsage(planner: Planner): { planner: Planner; usage: QuestionUsage[] } {
  const usage: QuestionUsage[] = [];
  return {
    usage,
    planner: {
      name: planner.name,
      async plan(question: Question, context: PlanContext): Promise<Plan> {
        const plan = await planner.plan(question, context);
        usage.push({
          q: question.text,
          tokens: plan.tokens ?? { in: 0, out: 0 },
          roundTrips: plan.tokens ? 1 : 0,
          notes: plan.notes ?? [],
        });
        return plan;
      },
    },
  };
}

/** One line a question, then the totals: `  812+24 tokens  1 round trip   list pods in shop`. */
export function formatPlanUsage(usage: QuestionUsage[]): string {
  const lines = usage.map(
    (item) =>
      `  ${`${item.tokens.in}+${item.tokens.out} tokens`.padEnd(18)} ${`${item.roundTrips} round trip${item.roundTrips === 1 ? "" : "s"}`.padEnd(14)} ${item.q}`,
  );
  const tokensIn = usage.reduce((sum, item) => sum + item.tokens.in, 0);
  const tokensOut = usage.reduce((sum, item) => sum + item.tokens.out, 0);
  const trips = usage.reduce((sum, item) => sum + item.roundTrips, 0);
  const perQuestion = usage.length === 0 ? 0 : trips / usage.length;
  const fallbacks = usage.filter((item) =>
    item.notes.some((note) => /LLM was unavailable|大模型暂不可用/.test(note)),
  ).length;
  lines.push(
    `LLM: ${tokensIn}+${tokensOut} tokens, ${trips} round trips (${perQuestion.toFixed(2)} a question), ${fallbacks} offline fallbacks`,
  );
  return lines.join("\n");
}
