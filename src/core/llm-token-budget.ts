import { tokensSpentBy } from "./agent/tokens-spent.js";
import { CodedError } from "./errors.js";
import { detectLanguage } from "./language.js";
import type { Agent, TokenBudget } from "./ports.js";

/**
 * The agent, held to each user's daily LLM token budget. A user over budget gets an error before any LLM
 * call; the pipeline then answers with the offline planner and says why. Every call's tokens are spent, those
 * of attempts that failed part-way included.
 */
export function withTokenBudget(agent: Agent, budget: TokenBudget): Agent {
  const ensureBudgetLeft = async (user: string, text: string) => {
    if ((await budget.remaining(user)) > 0) return;
    throw new CodedError(
      "rate_limited",
      detectLanguage(text) === "zh"
        ? "今天的大模型额度已用完，UTC 零点重置"
        : "today's LLM token budget is used up; it resets at 00:00 UTC",
    );
  };
  const spend = (user: string, tokens: { in: number; out: number }) =>
    budget.spend(user, tokens.in + tokens.out);

  // An attempt that failed after some LLM rounds still used their tokens.
  const spendingOnFailure = async <T>(user: string, attempt: () => Promise<T>): Promise<T> => {
    try {
      return await attempt();
    } catch (error) {
      await spend(user, tokensSpentBy(error));
      throw error;
    }
  };

  return {
    name: agent.name,
    model: agent.model,
    async answer(question, context, execute) {
      await ensureBudgetLeft(question.user, question.text);
      const outcome = await spendingOnFailure(question.user, () => agent.answer(question, context, execute));
      await spend(question.user, outcome.tokens);
      return outcome;
    },
    async summarise(question, calls) {
      await ensureBudgetLeft(question.user, question.text);
      const written = await spendingOnFailure(question.user, () => agent.summarise(question, calls));
      await spend(question.user, written.tokens);
      return written;
    },
  };
}
