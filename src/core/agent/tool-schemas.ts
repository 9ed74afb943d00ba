import type { LlmToolSchema } from "../ports.js";
import { toolParametersSchema } from "../tools/catalogue.js";
import type { ToolDefinition } from "../tools/define-tool.js";

/**
 * The tools as the LLM sees them: the catalogue's JSON Schemas (derived from zod, never written twice) without
 * what the executor checks anyway (`minLength: 1`, the safe-integer maximum, `additionalProperties: false`):
 * every token of the first call is paid on every question.
 */
export function llmToolSchemas(tools: readonly ToolDefinition[]): LlmToolSchema[] {
  return tools.map((tool) => ({
    name: tool.name,
    description: tool.description,
    parameters: withoutExecutorBounds(toolParametersSchema(tool)) as Record<string, unknown>,
  }));
}

function withoutExecutorBounds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutExecutorBounds);
  if (typeof node !== "object" || node === null) return node;
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "minLength" && value === 1) continue;
    if (key === "maximum" && value === Number.MAX_SAFE_INTEGER) continue;
    if (key === "additionalProperties" && value === false) continue;
    kept[key] = withoutExecutorBounds(value);
  }
  return kept;
}
