import type { TokenBudget } from "../../core/ports.js";
import { systemClock } from "../../core/ports.js";
import type { TokenBudgetOptions } from "./memory-token-budget.js";
import type { RedisConnection } from "./redis-connection.js";
import { budgetDay } from "./token-budget-day.js";

const TWO_DAYS_SECONDS = 2 * 86_400;

/**
 * One counter per user and UTC day, shared by every replica. When Redis fails, spending is not recorded
 * and the full budget is reported: an outage must not stop answers (the failure is logged and counted).
 */
export function createRedisTokenBudget(
  connection: RedisConnection,
  options: TokenBudgetOptions,
): TokenBudget {
  const clock = options.clock ?? systemClock;
  const keyFor = (user: string) => `tokens:${budgetDay(clock.now())}:${user}`;

  return {
    async spend(user, tokens) {
      if (!(tokens > 0)) return;
      const key = keyFor(user);
      await connection.attempt((client) =>
        client.multi().incrby(key, Math.ceil(tokens)).expire(key, TWO_DAYS_SECONDS).exec(),
      );
    },
    async remaining(user) {
      const result = await connection.attempt((client) => client.get(keyFor(user)));
      const spent = result.ok ? Number(result.value ?? 0) : 0;
      return Math.max(0, options.dailyTokens - spent);
    },
  };
}
