import type { Answer } from "../../core/answer.js";
import type { Agent, ExecutedCall } from "../../core/ports.js";
import type { Investigation } from "./investigate.js";

/** What one alert's narrative may spend, prompt and reply together: beyond it the deterministic findings stand alone. */
export const NARRATIVE_TOKEN_BUDGET = 4_000;
const SENTENCES = 3;

export interface Narrative {
  text: string;
  model: string;
  tokens: number;
}

/** The first three sentences of what the model wrote (a model asked for three may write five). */
export function firstSentences(text: string, count = SENTENCES): string {
  const sentences =
    text
      .replace(/\s+/g, " ")
      .trim()
      .match(/[^.!?。！？]+[.!?。！？]+["')\]]*|[^.!?。！？]+$/g) ?? [];
  // Chinese sentences follow each other without a space; English ones after one.
  return sentences
    .slice(0, count)
    .map((sentence) => sentence.trim())
    .reduce(
      (text, sentence) => (text === "" || /[。！？]$/.test(text) ? text + sentence : `${text} ${sentence}`),
      "",
    );
}

/** The investigation's calls as the agent reads results: each call with the parts the answer holds (shown once). */
function executedCalls(answer: Answer): ExecutedCall[] {
  return answer.calls.map((record, index) => ({
    record,
    parts: index === 0 ? answer.parts : [],
    notes: index === 0 ? answer.notes : [],
  }));
}

/**
 * Three sentences on top of an investigation, written by the configured LLM from the investigation's own
 * results (it calls nothing). Undefined without an answer, when the model fails, or when it spent more
 * than the budget (the findings below say it all anyway).
 */
export async function narrateInvestigation(
  agent: Agent,
  investigation: Investigation,
  budgetTokens = NARRATIVE_TOKEN_BUDGET,
): Promise<Narrative | undefined> {
  const answer = investigation.answer;
  if (!answer) return undefined;
  const question = {
    text: `Alert ${investigation.alertname} on ${investigation.targets.join(", ")}: in at most ${SENTENCES} sentences, say what is failing, the likely cause from these results, and what to check next.`,
    user: "alertmanager",
    frontend: "alerts" as const,
    scope: {},
    requestId: `${answer.requestId}-narrative`,
  };
  try {
    const written = await agent.summarise(question, executedCalls(answer));
    const tokens = written.tokens.in + written.tokens.out;
    if (tokens > budgetTokens) return undefined;
    const text = firstSentences(written.summary);
    return text ? { text, model: agent.model, tokens } : undefined;
  } catch {
    return undefined;
  }
}
