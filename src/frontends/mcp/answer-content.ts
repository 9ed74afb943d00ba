import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { Answer } from "../../core/answer.js";
import { renderAnswerText } from "../cli/render-text.js";

/**
 * An Answer as an MCP tool result: the terminal rendering as text (what a model reads best) and the
 * neutral parts as structured content. A refusal, an error or calls that all failed are tool errors, so
 * the client's model sees why instead of an empty result.
 */
export function answerToToolResult(answer: Answer): CallToolResult {
  const failedCalls = answer.calls.filter((call) => !call.ok);
  const isError =
    answer.error !== undefined ||
    answer.refusal !== null ||
    (answer.calls.length > 0 && failedCalls.length === answer.calls.length);
  return {
    content: [{ type: "text", text: renderAnswerText(answer) }],
    structuredContent: {
      summary: answer.summary,
      refusal: answer.refusal,
      ...(answer.error ? { error: answer.error } : {}),
      parts: answer.parts,
      calls: answer.calls.map(({ tool, args, ok, error }) => ({
        tool,
        args,
        ok,
        ...(error ? { error } : {}),
      })),
      notes: answer.notes,
      cluster: answer.cluster,
      ...(answer.namespace ? { namespace: answer.namespace } : {}),
      computedAt: answer.computedAt,
    },
    ...(isError ? { isError: true } : {}),
  };
}
