import type { Answer, AnswerPart, CallRecord } from "../answer.js";
import { isCodedError } from "../errors.js";
import type { Agent, AgentOutcome, Clock, ExecutedCall } from "../ports.js";
import type { Language, Question } from "../question.js";
import { summariseCalls } from "../summary/summarise.js";
import { NOTHING_FOUND_NOTE } from "../tools/nothing-found.js";

/** An answer with nothing in it yet: the frame every outcome fills in. */
export function blankAnswer(question: Question, language: Language, cluster: string, clock: Clock): Answer {
  return {
    requestId: question.requestId,
    question: question.text,
    language,
    summary: "",
    parts: [],
    calls: [],
    refusal: null,
    planner: "builtin",
    cluster,
    timings: { totalMs: 0, planningMs: 0, clusterMs: 0, llmMs: 0 },
    computedAt: new Date(clock.now()).toISOString(),
    cached: false,
    notes: [],
  };
}

export function refusedAnswer(answer: Answer, refusal: string, planner: string): Answer {
  return { ...answer, refusal, summary: refusal, planner };
}

export function errorAnswer(answer: Answer, error: unknown): Answer {
  const code = isCodedError(error) ? error.code : "server_error";
  const message = isCodedError(error)
    ? error.message
    : answer.language === "zh"
      ? `出错了，请稍后再试（请求 ${answer.requestId}）。`
      : `Something went wrong; please try again (request ${answer.requestId}).`;
  return { ...answer, summary: message, error: { code, message } };
}

/** Parts, records and notes of executed calls, in call order. */
export function collectExecuted(executed: ExecutedCall[]): {
  parts: AnswerPart[];
  calls: CallRecord[];
  notes: string[];
} {
  // One diagnosis found problems: another's "No problems found with X" would read as an all-clear it is not
  // (the summary says what was seen of X instead).
  const found = executed.some(
    (call) => call.record.tool === "diagnose" && Number(call.record.facts?.findings ?? 0) > 0,
  );
  return {
    parts: executed.flatMap((call) => call.parts),
    calls: executed.map((call) => call.record),
    notes: executed.flatMap((call) =>
      found && call.record.tool === "diagnose"
        ? call.notes.filter((note) => !note.startsWith(NOTHING_FOUND_NOTE))
        : call.notes,
    ),
  };
}

/** The namespace an answer is about: the first call's, "all namespaces" when it spans them. */
export function answerNamespace(calls: CallRecord[]): string | undefined {
  for (const call of calls) {
    if (typeof call.args.namespace === "string") return call.args.namespace;
    if (call.args.all_namespaces === true) return "*";
  }
  return undefined;
}

export function answerFromAgent(
  answer: Answer,
  outcome: AgentOutcome,
  agent: Agent,
  time: { started: number; now: number },
): Answer {
  const { parts, calls, notes } = collectExecuted(outcome.calls);
  const clusterMs = calls.reduce((sum, call) => sum + call.durationMs, 0);
  const summary =
    outcome.refusal ?? outcome.summary ?? summariseCalls(answer.language, outcome.calls, answer.question);
  return {
    ...answer,
    summary,
    refusal: outcome.refusal ?? null,
    parts,
    calls,
    notes: [...outcome.notes, ...notes],
    planner: agent.name,
    model: outcome.model,
    namespace: answerNamespace(calls),
    tokens: outcome.tokens,
    rounds: outcome.rounds,
    timings: { totalMs: time.now - time.started, planningMs: outcome.llmMs, clusterMs, llmMs: outcome.llmMs },
  };
}
