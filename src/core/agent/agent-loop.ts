import type { ToolCall } from "../answer.js";
import { CodedError } from "../errors.js";
import type {
  AgentOutcome,
  CallExecutor,
  Clock,
  ExecutedCall,
  Llm,
  LlmMessage,
  LlmReply,
  LlmToolCall,
  LlmToolSchema,
} from "../ports.js";
import { redactText } from "../redact.js";
import { type CallLimits, callKey, DEFAULT_CALL_LIMITS, selectRoundCalls } from "./call-limits.js";
import { digestsForLlm } from "./result-digest.js";
import type { TokenCounter } from "./token-estimate.js";
import { type TokenCount, withTokensSpent } from "./tokens-spent.js";

export const MAX_ROUNDS = 3;
/** Codes the executor gives a call it would not run: the LLM's mistake, not the cluster's. */
const INVALID_CALL_CODES = new Set(["bad_request", "refused", "out_of_scope"]);
const CORRECTION =
  "This call was not run. Use only the listed tools with arguments that match their schema, inside the allowed namespaces, or answer with what you have.";
const MAX_SUMMARY_CHARS = 1_500;

export interface AgentLoopInput {
  llm: Llm;
  tools: LlmToolSchema[];
  system: string;
  question: string;
  execute: CallExecutor;
  clock: Clock;
  /** Tokens of tool results sent back per round, shared by that round's calls. */
  resultTokenBudget: number;
  /** How tool results are counted against the budget (the core's byte bound without one). */
  tokenCounter?: TokenCounter;
  /** Calls run per round and per question (identical calls in a round run once). */
  callLimits?: CallLimits;
  signal?: AbortSignal;
}

interface Proposal {
  llmCall: LlmToolCall;
  call?: ToolCall;
  result?: ExecutedCall;
  /** Why the call was not run (duplicate, over a limit). */
  skipped?: string;
}

/**
 * The bounded loop: the LLM proposes calls → the executor validates and runs them → redacted, truncated results
 * go back → the LLM answers or asks for more. At most MAX_ROUNDS LLM calls; a repeated call ends the loop; a
 * second round with invalid calls throws CodedError("llm_error") so the caller answers with the offline planner.
 */
export async function runAgentLoop(input: AgentLoopInput): Promise<AgentOutcome> {
  const usage = { tokens: { in: 0, out: 0 }, llmMs: 0, model: input.llm.model };
  try {
    return await loop(input, usage);
  } catch (error) {
    throw withTokensSpent(error, usage.tokens);
  }
}

async function loop(input: AgentLoopInput, usage: Usage): Promise<AgentOutcome> {
  const messages: LlmMessage[] = [
    { role: "system", content: input.system },
    { role: "user", content: input.question },
  ];
  const executed: ExecutedCall[] = [];
  const seen = new Set<string>();
  const limitNotes: string[] = [];
  const limits = input.callLimits ?? DEFAULT_CALL_LIMITS;
  let invalidRounds = 0;

  const finish = (rounds: number, summary: string | undefined, notes: string[] = []): AgentOutcome => ({
    calls: executed,
    summary: summary ? redactText(summary.trim()).slice(0, MAX_SUMMARY_CHARS) : undefined,
    refusal: null,
    rounds,
    model: usage.model,
    tokens: usage.tokens,
    llmMs: usage.llmMs,
    notes: [...limitNotes, ...notes],
  });

  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const lastRound = round === MAX_ROUNDS;
    const reply = await chat(input, messages, lastRound ? "none" : "auto", usage);
    const { content, toolCalls } = reply.message;
    if (toolCalls.length === 0) {
      if (!content?.trim()) throw loopError("empty", "an empty reply");
      return finish(round, content);
    }
    // The last round asked for text; more calls now would exceed the bound, so the tables speak for themselves.
    if (lastRound) return finish(round, content);

    const proposals: Proposal[] = toolCalls.map((llmCall) => ({ llmCall, call: parseToolCall(llmCall) }));
    if (proposals.some((proposal) => proposal.call && seen.has(callKey(proposal.call))))
      return finish(round, content);

    const selection = selectRoundCalls(
      proposals.map((proposal) => proposal.call),
      limits,
      executed.length,
    );
    for (const [index, reason] of selection.skipped) proposals[index]!.skipped = reason;
    if (selection.note) limitNotes.push(selection.note);
    const runnable = proposals.filter((proposal) => proposal.call && !proposal.skipped);
    const results =
      runnable.length > 0 ? await input.execute(runnable.map((proposal) => proposal.call!)) : [];
    runnable.forEach((proposal, index) => {
      proposal.result = results[index];
    });

    const invalid = proposals.filter(
      (proposal) => !proposal.skipped && (!proposal.result || isInvalid(proposal.result)),
    );
    if (invalid.length > 0 && ++invalidRounds >= 2) {
      throw loopError("invalid_calls", "it twice asked for calls K8Helper cannot run");
    }
    const ran = proposals.filter((proposal) => proposal.result && !isInvalid(proposal.result));
    executed.push(...ran.map((proposal) => proposal.result!));
    // Only calls that ran count as repeats: a repeated invalid call is a second invalid round.
    for (const proposal of ran) seen.add(callKey(proposal.call!));

    messages.push({ role: "assistant", content: content || undefined, toolCalls });
    const digests = digestsForLlm(
      ran.map((proposal) => proposal.result!),
      input.resultTokenBudget,
      input.tokenCounter,
    );
    for (const proposal of proposals) {
      const index = ran.indexOf(proposal);
      messages.push({
        role: "tool",
        toolCallId: proposal.llmCall.id,
        content: index >= 0 ? digests[index] : (proposal.skipped ?? invalidMessage(proposal)),
      });
    }
  }
  // Unreachable: the last round always returns.
  return finish(MAX_ROUNDS, undefined);
}

interface Usage {
  tokens: TokenCount;
  llmMs: number;
  model: string;
}

async function chat(
  input: AgentLoopInput,
  messages: LlmMessage[],
  toolChoice: "auto" | "none",
  usage: Usage,
): Promise<LlmReply> {
  const started = input.clock.now();
  const reply = await input.llm.chat({ messages, tools: input.tools, toolChoice, signal: input.signal });
  usage.llmMs += input.clock.now() - started;
  usage.tokens.in += reply.usage.in;
  usage.tokens.out += reply.usage.out;
  // The model label is the configured one: a reply's own "model" field is whatever the endpoint says.
  if (reply.refusal) throw loopError("refused", `it declined to answer: ${reply.refusal}`);
  return reply;
}

/** The LLM's arguments as an object, or undefined when they are not a JSON object. */
export function parseToolCall(llmCall: LlmToolCall): ToolCall | undefined {
  const text = llmCall.arguments.trim();
  if (text === "") return { tool: llmCall.name, args: {} };
  try {
    const args: unknown = JSON.parse(text);
    if (typeof args !== "object" || args === null || Array.isArray(args)) return undefined;
    return { tool: llmCall.name, args: args as Record<string, unknown> };
  } catch {
    return undefined;
  }
}

function isInvalid(result: ExecutedCall): boolean {
  return !result.record.ok && INVALID_CALL_CODES.has(result.record.error?.code ?? "");
}

function invalidMessage(proposal: Proposal): string {
  const reason = proposal.result
    ? `${proposal.result.record.error?.code}: ${proposal.result.record.error?.message}`
    : "bad_request: the arguments are not a JSON object";
  return redactText(`error ${reason}\n${CORRECTION}`);
}

function loopError(reason: string, message: string): CodedError {
  return new CodedError("llm_error", message, { reason });
}
