import type { ToolCall } from "../answer.js";
import type { Clock, Llm, Plan, PlanContext, Planner } from "../ports.js";
import { systemClock } from "../ports.js";
import type { Question } from "../question.js";
import { redactText } from "../redact.js";
import type { ToolDefinition } from "../tools/define-tool.js";
import { parseToolCall } from "./agent-loop.js";
import { agentSystemPrompt } from "./system-prompt.js";
import { llmToolSchemas } from "./tool-schemas.js";

/**
 * The LLM as a plan-only Planner (`k8helper plan` and `eval`): one round, the proposed calls returned unrun.
 * A text reply with no calls is the LLM declining: it becomes the plan's refusal.
 */
export function createLlmPlanner(options: {
  llm: Llm;
  tools: readonly ToolDefinition[];
  clock?: Clock;
}): Planner {
  const { llm } = options;
  const clock = options.clock ?? systemClock;
  const tools = llmToolSchemas(options.tools);
  return {
    name: llm.provider,
    async plan(question: Question, context: PlanContext): Promise<Plan> {
      const started = clock.now();
      const reply = await llm.chat({
        messages: [
          { role: "system", content: agentSystemPrompt(question, context) },
          { role: "user", content: redactText(question.text) },
        ],
        tools,
      });
      const parsed = reply.message.toolCalls.map(parseToolCall);
      const calls = parsed.filter((call): call is ToolCall => call !== undefined);
      const notes =
        parsed.length > calls.length
          ? [`${parsed.length - calls.length} call(s) with malformed arguments dropped.`]
          : [];
      const declined = calls.length === 0 ? reply.refusal || reply.message.content?.trim() || null : null;
      return {
        calls,
        refusal: declined,
        confidence: calls.length > 0 ? 1 : 0,
        planner: llm.provider,
        model: llm.model,
        tokens: reply.usage,
        llmMs: clock.now() - started,
        notes,
      };
    },
  };
}
