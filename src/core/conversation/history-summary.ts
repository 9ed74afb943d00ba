import { byteTokenCounter, type TokenCounter } from "../agent/token-estimate.js";
import type { ConversationTurn } from "./conversation-turn.js";

/**
 * The LLM sees earlier turns within this many tokens: the newest first, older ones dropped. Counted with the
 * byte upper bound unless a real tokenizer is given, so the budget is never overshot.
 */
export const HISTORY_TOKENS = 1_200;

function turnLine(turn: ConversationTurn): string {
  const about = turn.focus
    ? ` (about ${turn.focus.kind} ${turn.focus.name}${turn.focus.namespace ? ` in ${turn.focus.namespace}` : ""})`
    : turn.namespace
      ? ` (namespace ${turn.namespace})`
      : "";
  return `Q: ${turn.question.slice(0, 300)}${about} → A: ${turn.summary}`;
}

/** Earlier turns in a few lines, oldest first, within `maxTokens`; undefined when there are none. */
export function summariseTurns(
  turns: ConversationTurn[],
  maxTokens = HISTORY_TOKENS,
  counter: TokenCounter = byteTokenCounter,
): string | undefined {
  const lines: string[] = [];
  let tokens = 0;
  for (const turn of [...turns].reverse()) {
    const line = turnLine(turn);
    const cost = counter.count(line) + 1;
    if (tokens + cost > maxTokens) break;
    lines.unshift(line);
    tokens += cost;
  }
  return lines.length > 0 ? lines.join("\n") : undefined;
}
