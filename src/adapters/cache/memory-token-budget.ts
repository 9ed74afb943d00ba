import type { Clock, TokenBudget } from "../../core/ports.js";
import { systemClock } from "../../core/ports.js";
import { budgetDay } from "./token-budget-day.js";

export interface TokenBudgetOptions {
  dailyTokens: number;
  clock?: Clock;
}

/** The token budget of one process (Redis shares it across replicas). Only today's spending is kept. */
export function createMemoryTokenBudget(options: TokenBudgetOptions): TokenBudget {
  const clock = options.clock ?? systemClock;
  let day = budgetDay(clock.now());
  const spent = new Map<string, number>();

  const today = () => {
    const now = budgetDay(clock.now());
    if (now !== day) {
      day = now;
      spent.clear();
    }
    return spent;
  };

  return {
    async spend(user, tokens) {
      if (!(tokens > 0)) return;
      const byUser = today();
      byUser.set(user, (byUser.get(user) ?? 0) + Math.ceil(tokens));
    },
    async remaining(user) {
      return Math.max(0, options.dailyTokens - (today().get(user) ?? 0));
    },
  };
}
