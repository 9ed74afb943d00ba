import type { ToolCall } from "../answer.js";

/** How many tool calls one LLM may have K8Helper run: per round, and over the whole question. */
export interface CallLimits {
  perRound: number;
  perQuestion: number;
}

export const DEFAULT_CALL_LIMITS: CallLimits = { perRound: 8, perQuestion: 16 };

/** Same tool, same arguments (key order ignored). */
export function callKey(call: ToolCall): string {
  const sorted = Object.fromEntries(Object.entries(call.args).sort(([a], [b]) => a.localeCompare(b)));
  return `${call.tool} ${JSON.stringify(sorted)}`;
}

export interface RoundSelection {
  /** Why each proposal at that index is not run (a duplicate, or over a limit); absent: it runs. */
  skipped: Map<number, string>;
  /** One line for the answer when calls were dropped. */
  note?: string;
}

/**
 * Picks the calls of one round that run: identical calls once, then at most `perRound`, and no more than the
 * question has left. The rest are answered with a message, not run.
 */
export function selectRoundCalls(
  calls: (ToolCall | undefined)[],
  limits: CallLimits,
  alreadyRun: number,
): RoundSelection {
  const skipped = new Map<number, string>();
  const keys = new Set<string>();
  const room = Math.max(0, Math.min(limits.perRound, limits.perQuestion - alreadyRun));
  let chosen = 0;
  let duplicates = 0;
  let overLimit = 0;
  calls.forEach((call, index) => {
    if (!call) return;
    const key = callKey(call);
    if (keys.has(key)) {
      duplicates++;
      skipped.set(index, "not run: the same call (same tool, same arguments) is already in this round.");
      return;
    }
    keys.add(key);
    if (chosen >= room) {
      overLimit++;
      skipped.set(
        index,
        `not run: K8Helper runs at most ${limits.perRound} calls per round and ${limits.perQuestion} per question. Answer with what you have.`,
      );
      return;
    }
    chosen++;
  });
  const parts = [
    overLimit > 0
      ? `${overLimit} call(s) not run (at most ${limits.perRound} per round, ${limits.perQuestion} per question)`
      : "",
    duplicates > 0 ? `${duplicates} identical call(s) run once` : "",
  ].filter(Boolean);
  return {
    skipped,
    note: parts.length > 0 ? `The LLM asked for more than it needed: ${parts.join("; ")}.` : undefined,
  };
}
