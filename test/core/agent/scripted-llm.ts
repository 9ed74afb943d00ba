import type { ToolCall } from "../../../src/core/answer.js";
import { CodedError } from "../../../src/core/errors.js";
import type { ExecutedCall, Llm, LlmReply, LlmRequest } from "../../../src/core/ports.js";

/** An in-memory Llm (the port, not a vendor): each chat takes the next scripted reply and records the request. */
export function scriptedLlm(replies: (Partial<LlmReply["message"]> & { refusal?: string })[]) {
  const requests: LlmRequest[] = [];
  let sequence = 0;
  const llm: Llm = {
    provider: "openai",
    model: "scripted",
    async chat(request) {
      requests.push(structuredClone({ ...request, signal: undefined }));
      const next = replies.shift();
      if (!next) throw new CodedError("llm_error", "no scripted reply left", { reason: "script" });
      sequence++;
      return {
        message: {
          content: next.content,
          toolCalls: (next.toolCalls ?? []).map((call, index) => ({
            ...call,
            id: call.id || `c${sequence}_${index}`,
          })),
        },
        refusal: next.refusal,
        usage: { in: 100, out: 10 },
        model: "scripted-1",
      };
    },
  };
  return { llm, requests };
}

export function toolCall(name: string, args: Record<string, unknown> | string) {
  return { id: "", name, arguments: typeof args === "string" ? args : JSON.stringify(args) };
}

/** An executor that answers from a rule: ok with a table unless the rule returns an error code. */
export function recordingExecutor(
  rule: (call: ToolCall) => { code: string; message: string } | undefined = () => undefined,
) {
  const batches: ToolCall[][] = [];
  const execute = async (calls: ToolCall[]): Promise<ExecutedCall[]> => {
    batches.push(calls);
    return calls.map((call) => {
      const error = rule(call);
      if (error) return { record: { ...call, ok: false, error, durationMs: 0 }, parts: [], notes: [] };
      return {
        record: { ...call, ok: true, durationMs: 1, facts: { rows: 1 } },
        parts: [
          { type: "table", title: `${call.tool}`, columns: ["NAME", "STATUS"], rows: [["web-1", "Running"]] },
        ],
        notes: [],
      };
    });
  };
  return { execute, batches };
}
