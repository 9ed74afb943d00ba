import { CodedError } from "../errors.js";
import type { Agent, Clock, ExecutedCall, Llm, PlanContext } from "../ports.js";
import { systemClock } from "../ports.js";
import type { Question } from "../question.js";
import { redactText } from "../redact.js";
import type { ToolDefinition } from "../tools/define-tool.js";
import { runAgentLoop } from "./agent-loop.js";
import { type CallLimits, DEFAULT_CALL_LIMITS } from "./call-limits.js";
import { digestsForLlm } from "./result-digest.js";
import { agentSystemPrompt, summarySystemPrompt } from "./system-prompt.js";
import type { TokenCounter } from "./token-estimate.js";
import { withTokensSpent } from "./tokens-spent.js";
import { llmToolSchemas } from "./tool-schemas.js";

export interface LlmAgentOptions {
  llm: Llm;
  /** The tool catalogue; the LLM's function schemas derive from it. */
  tools: readonly ToolDefinition[];
  clock?: Clock;
  /** Tokens of tool results sent back to the LLM per round (default 2,500). */
  resultTokenBudget?: number;
  /** Counts tool results against that budget; the adapters pass a real tokenizer. */
  tokenCounter?: TokenCounter;
  /** Calls run per round and per question (defaults 8 and 16). */
  callLimits?: CallLimits;
}

const DEFAULT_RESULT_TOKEN_BUDGET = 2_500;

/** The Agent port on any Llm: the bounded tool loop for planning and answering, and hybrid-mode summaries. */
export function createLlmAgent(options: LlmAgentOptions): Agent {
  const { llm } = options;
  const clock = options.clock ?? systemClock;
  const tools = llmToolSchemas(options.tools);
  const resultTokenBudget = options.resultTokenBudget ?? DEFAULT_RESULT_TOKEN_BUDGET;
  return {
    name: llm.provider,
    model: llm.model,
    answer(question: Question, context: PlanContext, execute) {
      return runAgentLoop({
        llm,
        tools,
        system: agentSystemPrompt(question, context),
        question: redactText(question.text),
        execute,
        clock,
        resultTokenBudget,
        tokenCounter: options.tokenCounter,
        callLimits: options.callLimits ?? DEFAULT_CALL_LIMITS,
      });
    },
    async summarise(question: Question, calls: ExecutedCall[]) {
      const digests = digestsForLlm(calls, resultTokenBudget, options.tokenCounter);
      const results = calls.map(
        (call, index) =>
          `${call.record.tool} ${redactText(JSON.stringify(call.record.args))}:\n${digests[index]}`,
      );
      const started = clock.now();
      const reply = await llm.chat({
        messages: [
          { role: "system", content: summarySystemPrompt(question) },
          {
            role: "user",
            content: `Question: ${redactText(question.text)}\n\nResults:\n${results.join("\n\n")}`,
          },
        ],
        tools: [],
      });
      const summary = reply.message.content?.trim();
      if (reply.refusal || !summary) {
        const error = new CodedError("llm_error", "no summary written", {
          reason: reply.refusal ? "refused" : "empty",
        });
        throw withTokensSpent(error, reply.usage);
      }
      return { summary: redactText(summary), tokens: reply.usage, llmMs: clock.now() - started };
    },
  };
}
