import type { Clock, TokenBudget } from "../../core/ports.js";
import { systemClock } from "../../core/ports.js";
import { stringBytes } from "./memory-size.js";
import { budgetDay } from "./token-budget-day.js";

export interface TokenBudgetOptions {
  dailyTokens: number;
  clock?: Clock;
  /** Bound on the bytes of today's per-user counts (default 4 MiB, some 30,000 users). */
  maxBytes?: number;
}

/** The token budget of one process (Redis shares it across replicas). Only today's spending is kept. */
export function createMemoryTokenBudget(options: TokenBudgetOptions): TokenBudget {
  const clock = options.clock ?? systemClock;
  let day = budgetDay(clock.now());
  const spent = new Map<string, number>();
  const maxBytes = options.maxBytes ?? 4 * 1024 * 1024;
  let held = 0;

  const today = () => {
    const now = budgetDay(clock.now());
    if (now !== day) {
      day = now;
      spent.clear();
      held = 0;
    }
    return spent;
  };

  return {
    async spend(user, tokens) {
      if (!(tokens > 0)) return;
      const byUser = today();
      const before = byUser.get(user);
      if (before === undefined) held += stringBytes(user) + 32;
      byUser.delete(user);
      byUser.set(user, (before ?? 0) + Math.ceil(tokens));
      // Over the bound the least recently spending users are forgotten first (their count restarts).
      while (held > maxBytes && byUser.size > 1) {
        const oldest = byUser.keys().next().value!;
        byUser.delete(oldest);
        held -= stringBytes(oldest) + 32;
      }
    },
    async remaining(user) {
      return Math.max(0, options.dailyTokens - (today().get(user) ?? 0));
    },
  };
}
