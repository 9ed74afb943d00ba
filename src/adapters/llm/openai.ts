import OpenAI, { APIConnectionError, APIError } from "openai";
import type {
  ChatCompletion,
  ChatCompletionMessageParam,
  ChatCompletionTool,
} from "openai/resources/chat/completions";
import type { Llm, LlmMessage, LlmReply, LlmRequest, LlmToolSchema } from "../../core/ports.js";
import {
  type CallBudget,
  callWithinBudget,
  failureError,
  type LlmFailure,
  retryAfterMs,
} from "./call-budget.js";

export interface OpenAiSettings {
  apiKey: string;
  /** Any OpenAI-compatible server (Azure OpenAI, vLLM, Ollama, Hunyuan's compatible URL); default OpenAI's. */
  baseURL?: string;
  model: string;
  timeoutMs: number;
  maxRetries: number;
  sleep?: CallBudget["sleep"];
}

/** Chat completions with function calling; retries are ours (inside the time budget), not the SDK's. */
export function createOpenAiLlm(settings: OpenAiSettings): Llm {
  const client = new OpenAI({
    apiKey: settings.apiKey,
    baseURL: settings.baseURL,
    timeout: settings.timeoutMs,
    maxRetries: 0,
  });
  return {
    provider: "openai",
    model: settings.model,
    async chat(request: LlmRequest): Promise<LlmReply> {
      const completion = await callWithinBudget(
        (signal) =>
          client.chat.completions.create(
            {
              model: settings.model,
              messages: request.messages.map(toOpenAiMessage),
              ...(request.tools.length > 0
                ? { tools: request.tools.map(toOpenAiTool), tool_choice: request.toolChoice ?? "auto" }
                : {}),
            },
            { signal, maxRetries: 0 },
          ),
        classifyOpenAiError,
        settings,
        request.signal,
      );
      return fromCompletion(completion, settings.model);
    },
  };
}

function toOpenAiMessage(message: LlmMessage): ChatCompletionMessageParam {
  switch (message.role) {
    case "tool":
      return { role: "tool", tool_call_id: message.toolCallId, content: message.content };
    case "assistant":
      return {
        role: "assistant",
        content: message.content ?? null,
        ...(message.toolCalls?.length
          ? {
              tool_calls: message.toolCalls.map((call) => ({
                id: call.id,
                type: "function" as const,
                function: { name: call.name, arguments: call.arguments },
              })),
            }
          : {}),
      };
    default:
      return { role: message.role, content: message.content };
  }
}

function toOpenAiTool(tool: LlmToolSchema): ChatCompletionTool {
  return {
    type: "function",
    function: { name: tool.name, description: tool.description, parameters: tool.parameters },
  };
}

function fromCompletion(completion: ChatCompletion, model: string): LlmReply {
  const choice = completion?.choices?.[0];
  if (!choice?.message) {
    throw failureError({
      reason: "bad_reply",
      message: "a reply with no message",
      retryable: false,
    });
  }
  const { message } = choice;
  const toolCalls = (message.tool_calls ?? []).flatMap((call) =>
    call.type === "function"
      ? [{ id: call.id, name: call.function.name, arguments: call.function.arguments ?? "" }]
      : [],
  );
  const refusal =
    message.refusal || (choice.finish_reason === "content_filter" ? "content filter" : undefined);
  return {
    message: { content: message.content ?? undefined, toolCalls },
    refusal: refusal ?? undefined,
    usage: { in: completion.usage?.prompt_tokens ?? 0, out: completion.usage?.completion_tokens ?? 0 },
    model: completion.model || model,
  };
}

export function classifyOpenAiError(error: unknown): LlmFailure {
  if (error instanceof APIConnectionError) {
    return { reason: "server_error", message: "the LLM endpoint could not be reached", retryable: true };
  }
  if (error instanceof APIError && typeof error.status === "number") {
    const status = error.status;
    if (status === 401 || status === 403) {
      return {
        reason: "auth",
        message: `the LLM endpoint rejected the API key (HTTP ${status})`,
        retryable: false,
      };
    }
    if (status === 429) {
      return {
        reason: "rate_limited",
        message: "rate limited (HTTP 429)",
        retryable: true,
        retryAfterMs: retryAfterMs(error.headers?.get("retry-after"), error.headers?.get("retry-after-ms")),
      };
    }
    if (status >= 500 || status === 408 || status === 409) {
      return {
        reason: "server_error",
        message: `HTTP ${status} from the LLM endpoint`,
        retryable: true,
      };
    }
    return {
      reason: "rejected",
      message: `the LLM endpoint rejected the request (HTTP ${status})`,
      retryable: false,
    };
  }
  // A 200 whose body is not a chat completion (the SDK fails to parse it).
  return { reason: "bad_reply", message: "an unreadable reply", retryable: false };
}
