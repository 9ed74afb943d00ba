import {
  argumentsText,
  type LlmScriptEntry,
  type RecordedLlmRequest,
  type ScriptedServer,
  type ScriptedServerWire,
  startScriptedServer,
  type WireResponse,
} from "./llm-script.js";

export interface FakeOpenAiOptions {
  apiKey?: string;
  script?: LlmScriptEntry[];
}

/** An OpenAI-compatible server: POST /v1/chat/completions with tools, tool_calls, usage, errors and Retry-After. */
export async function startFakeOpenAiServer(
  options: FakeOpenAiOptions = {},
): Promise<ScriptedServer & { baseURL: string }> {
  const apiKey = options.apiKey ?? "sk-test";
  const server = await startScriptedServer(openAiWire(apiKey), options.script ?? []);
  return Object.assign(server, { baseURL: `${server.url}/v1` });
}

interface WireMessage {
  role: string;
  content?: string | null;
  tool_call_id?: string;
  tool_calls?: { id: string; function: { name: string; arguments: string } }[];
}

function openAiWire(apiKey: string): ScriptedServerWire {
  return {
    parse(request, body) {
      if (request.method !== "POST" || request.url !== "/v1/chat/completions") {
        return {
          reject: apiError(404, `No route ${request.method} ${request.url}`, "invalid_request_error"),
        };
      }
      if (request.headers.authorization !== `Bearer ${apiKey}`) {
        return {
          reject: apiError(401, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key"),
        };
      }
      let json: {
        model?: string;
        messages?: WireMessage[];
        tools?: {
          type: string;
          function: { name: string; description: string; parameters: Record<string, unknown> };
        }[];
        tool_choice?: string;
      };
      try {
        json = JSON.parse(body);
      } catch {
        return { reject: apiError(400, "The body is not JSON.", "invalid_request_error") };
      }
      if (!json.model || !Array.isArray(json.messages) || json.messages.length === 0) {
        return { reject: apiError(400, "model and messages are required.", "invalid_request_error") };
      }
      const recorded: RecordedLlmRequest = {
        model: json.model,
        messages: json.messages.map((message) => ({
          role: message.role,
          content: message.content ?? undefined,
          toolCallId: message.tool_call_id,
          toolCalls: message.tool_calls?.map((call) => ({ id: call.id, ...call.function })),
        })),
        tools: (json.tools ?? []).map((tool) => tool.function),
        toolChoice: json.tool_choice,
        headers: request.headers,
      };
      return { recorded };
    },
    render(step, request, sequence): WireResponse {
      switch (step.kind) {
        case "error":
          return {
            ...apiError(
              step.status,
              step.message ?? `HTTP ${step.status}`,
              step.status === 429 ? "rate_limit_error" : "server_error",
            ),
            headers: step.retryAfter ? { "retry-after": step.retryAfter } : undefined,
          };
        case "reply": {
          const toolCalls = step.toolCalls?.map((call, index) => ({
            id: `call_${sequence}_${index}`,
            type: "function",
            function: { name: call.name, arguments: argumentsText(call.arguments) },
          }));
          const usage = step.usage ?? { in: 100, out: 10 };
          return {
            status: 200,
            body: JSON.stringify({
              id: `chatcmpl-${sequence}`,
              object: "chat.completion",
              created: Math.floor(Date.now() / 1000),
              model: request.model,
              choices: [
                {
                  index: 0,
                  finish_reason: step.finishReason ?? (toolCalls?.length ? "tool_calls" : "stop"),
                  message: {
                    role: "assistant",
                    content: step.content ?? null,
                    refusal: step.refusal ?? null,
                    ...(toolCalls?.length ? { tool_calls: toolCalls } : {}),
                  },
                },
              ],
              usage: {
                prompt_tokens: usage.in,
                completion_tokens: usage.out,
                total_tokens: usage.in + usage.out,
              },
            }),
          };
        }
        default:
          return apiError(500, "fake LLM: unknown step", "server_error");
      }
    },
  };
}

function apiError(status: number, message: string, type: string, code: string | null = null): WireResponse {
  return { status, body: JSON.stringify({ error: { message, type, param: null, code } }) };
}
