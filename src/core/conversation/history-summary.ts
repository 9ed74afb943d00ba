import { estimateTokens } from "../agent/token-estimate.js";
import type { ConversationTurn } from "./conversation-turn.js";

/** The LLM sees earlier turns within this many tokens: the newest first, older ones dropped. */
export const HISTORY_TOKENS = 400;

function turnLine(turn: ConversationTurn): string {
  const about = turn.focus
    ? ` (about ${turn.focus.kind} ${turn.focus.name}${turn.focus.namespace ? ` in ${turn.focus.namespace}` : ""})`
    : turn.namespace
      ? ` (namespace ${turn.namespace})`
      : "";
  return `Q: ${turn.question.slice(0, 300)}${about} → A: ${turn.summary}`;
}

/** Earlier turns in a few lines, oldest first, within `maxTokens`; undefined when there are none. */
export function summariseTurns(turns: ConversationTurn[], maxTokens = HISTORY_TOKENS): string | undefined {
  const lines: string[] = [];
  let tokens = 0;
  for (const turn of [...turns].reverse()) {
    const line = turnLine(turn);
    const cost = estimateTokens(line) + 1;
    if (tokens + cost > maxTokens) break;
    lines.unshift(line);
    tokens += cost;
  }
  return lines.length > 0 ? lines.join("\n") : undefined;
}
