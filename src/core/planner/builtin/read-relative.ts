import { type Reading, use } from "./reading.js";
import type { Token } from "./tokenize.js";

const RELATIVE = new Set(["that", "which", "who"]);
// "pods that are pending", "jobs that have failed": a clause about state still says which objects are meant.
const STATE_VERBS = new Set(
  "are|is|were|was|have|has|had|aren't|isn't|weren't|haven't|don't|doesn't|didn't|keep|keeps|can't|cannot|won't|use|uses|run|runs|belong|belongs|match|matches".split(
    "|",
  ),
);
// 负责清理日志的定时任务, 用于导出事件的任务: what the objects do, up to the 的 before their kind.
const CHINESE_PURPOSE = new Set(["负责", "用于", "用来"]);

/**
 * "the cronjobs that clean up old logs", 负责清理日志的定时任务: a clause describing what the objects do is not a
 * request, so the tool words inside it (logs, events, yaml) ask for nothing. Clauses about state or health
 * ("pods that are pending", "jobs that keep failing") are left for the other passes.
 */
export function readRelativeClauses(reading: Reading): void {
  const { tokens } = reading;
  tokens.forEach((token, index) => {
    if (reading.used[index]) return;
    if (RELATIVE.has(token.lower) && describesKind(reading, index)) {
      if (STATE_VERBS.has(tokens[index + 1]?.lower ?? "")) return;
      const end = clauseEnd(reading, index + 1);
      if (end > index + 1 && !describesTrouble(tokens.slice(index + 1, end))) mask(reading, index, end);
    } else if (token.chinese && [...CHINESE_PURPOSE].some((word) => token.lower.startsWith(word))) {
      const of = tokens.findIndex((entry, at) => at > index && entry.lower === "的");
      if (of > index && tokens[of + 1]?.type === "kind" && !describesTrouble(tokens.slice(index, of)))
        mask(reading, index, of + 1);
    }
  });
}

/** "cronjobs that", "the cronjobs in batch that": a kind before the relative word, past phrases already read. */
function describesKind(reading: Reading, index: number): boolean {
  let at = index - 1;
  while (at >= 0 && reading.used[at] && reading.tokens[at].type !== "kind") at--;
  const token = reading.tokens[at];
  return token?.type === "kind" && !token.chinese && at < index;
}

/** Where the clause stops: a phrase another pass explained ("in batch"), punctuation, a conjunction, a flag. */
function clauseEnd(reading: Reading, from: number): number {
  let at = from;
  while (at < reading.tokens.length) {
    const token = reading.tokens[at];
    if (reading.used[at] && token.type !== "kind") break;
    if (token.type === "punct" || token.type === "flag") break;
    if (token.cue?.role === "conj" || token.cue?.role === "inPrep") break;
    at++;
  }
  return at;
}

/** The clause asks for nothing: its words are explained, and kinds read inside it are no targets or intents. */
function mask(reading: Reading, from: number, to: number): void {
  for (let at = from; at < to; at++) use(reading, at);
  const { parsed } = reading;
  const outside = (entry: { at: number }) => entry.at < from || entry.at >= to;
  parsed.targets = parsed.targets.filter(outside);
  parsed.intents = parsed.intents.filter(outside);
}

function describesTrouble(tokens: readonly Token[]): boolean {
  return tokens.some(
    (token) =>
      token.cue?.role === "phase" ||
      (token.cue?.role === "intent" && (token.cue.intent === "diagnose" || token.cue.intent === "health")),
  );
}
