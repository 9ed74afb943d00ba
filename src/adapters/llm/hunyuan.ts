import { hunyuan } from "tencentcloud-sdk-nodejs-hunyuan";
import type { Llm, LlmMessage, LlmReply, LlmRequest, LlmToolSchema } from "../../core/ports.js";
import { type CallBudget, callWithinBudget, failureError, type LlmFailure } from "./call-budget.js";

type HunyuanClient = InstanceType<typeof hunyuan.v20230901.Client>;
type ChatCompletionsRequest = Parameters<HunyuanClient["ChatCompletions"]>[0];
type ChatCompletionsResponse = Awaited<ReturnType<HunyuanClient["ChatCompletions"]>>;
type HunyuanMessage = ChatCompletionsRequest["Messages"][number];

export interface HunyuanSettings {
  secretId: string;
  secretKey: string;
  model: string;
  region: string;
  /** `host[:port]` or a URL (`http://127.0.0.1:PORT` for a local server); default the public API. */
  endpoint?: string;
  timeoutMs: number;
  maxRetries: number;
  sleep?: CallBudget["sleep"];
}

/** Tencent Hunyuan's native ChatCompletions (TC3-HMAC-SHA256 signed by the SDK) with Tools and ToolChoice. */
export function createHunyuanLlm(settings: HunyuanSettings): Llm {
  const client = new hunyuan.v20230901.Client({
    credential: { secretId: settings.secretId, secretKey: settings.secretKey },
    region: settings.region,
    profile: {
      httpProfile: {
        ...endpointProfile(settings.endpoint),
        reqTimeout: Math.ceil(settings.timeoutMs / 1000),
      },
    },
  });
  return {
    provider: "hunyuan",
    model: settings.model,
    async chat(request: LlmRequest): Promise<LlmReply> {
      const body: ChatCompletionsRequest = {
        Model: settings.model,
        Messages: request.messages.map(toHunyuanMessage),
        Stream: false,
        ...(request.tools.length > 0
          ? { Tools: request.tools.map(toHunyuanTool), ToolChoice: request.toolChoice ?? "auto" }
          : {}),
      };
      const response = await callWithinBudget(
        (signal) => client.request("ChatCompletions", body, { signal }) as Promise<ChatCompletionsResponse>,
        classifyHunyuanError,
        settings,
        request.signal,
      );
      return fromResponse(response, settings.model);
    },
  };
}

function endpointProfile(endpoint: string | undefined): { endpoint?: string; protocol?: string } {
  if (!endpoint) return {};
  const match = /^(https?:\/\/)?([^/]+)\/?$/.exec(endpoint.trim());
  if (!match) return { endpoint };
  return { endpoint: match[2], protocol: match[1] ?? "https://" };
}

function toHunyuanMessage(message: LlmMessage): HunyuanMessage {
  switch (message.role) {
    case "tool":
      return { Role: "tool", Content: message.content, ToolCallId: message.toolCallId };
    case "assistant":
      return {
        Role: "assistant",
        Content: message.content ?? "",
        ...(message.toolCalls?.length
          ? {
              ToolCalls: message.toolCalls.map((call) => ({
                Id: call.id,
                Type: "function",
                Function: { Name: call.name, Arguments: call.arguments },
              })),
            }
          : {}),
      };
    default:
      return { Role: message.role, Content: message.content };
  }
}

function toHunyuanTool(tool: LlmToolSchema) {
  return {
    Type: "function",
    Function: { Name: tool.name, Description: tool.description, Parameters: JSON.stringify(tool.parameters) },
  };
}

function fromResponse(response: ChatCompletionsResponse, model: string): LlmReply {
  const choice = response?.Choices?.[0];
  if (!choice?.Message) {
    throw failureError({
      reason: "bad_reply",
      message: "a reply with no message",
      retryable: false,
    });
  }
  const toolCalls = (choice.Message.ToolCalls ?? []).map((call) => ({
    id: call.Id,
    name: call.Function?.Name ?? "",
    arguments: call.Function?.Arguments ?? "",
  }));
  return {
    message: { content: choice.Message.Content || undefined, toolCalls },
    refusal: choice.FinishReason === "sensitive" ? "content moderation" : undefined,
    usage: { in: response.Usage?.PromptTokens ?? 0, out: response.Usage?.CompletionTokens ?? 0 },
    model,
  };
}

/** The SDK's exception carries `code` (the API's Error.Code) or `httpCode` (a non-200 status). */
export function classifyHunyuanError(error: unknown): LlmFailure {
  const { code, httpCode } = (error ?? {}) as { code?: string; httpCode?: number };
  if (code?.startsWith("AuthFailure")) {
    return { reason: "auth", message: `Hunyuan rejected the credentials (${code})`, retryable: false };
  }
  if (code?.includes("LimitExceeded") || httpCode === 429) {
    return {
      reason: "rate_limited",
      message: `rate limited by Hunyuan (${code ?? "HTTP 429"})`,
      retryable: true,
    };
  }
  if (
    code?.startsWith("InternalError") ||
    code?.startsWith("FailedOperation.Engine") ||
    (httpCode ?? 0) >= 500
  ) {
    return {
      reason: "server_error",
      message: `Hunyuan failed (${code ?? `HTTP ${httpCode}`})`,
      retryable: true,
    };
  }
  if (code)
    return { reason: "rejected", message: `Hunyuan rejected the request (${code})`, retryable: false };
  if (httpCode)
    return {
      reason: "rejected",
      message: `Hunyuan rejected the request (HTTP ${httpCode})`,
      retryable: false,
    };
  // node-fetch reports a body that is not JSON as `invalid-json`; the SDK wraps connection failures without a code.
  if ((error as { type?: string }).type === "invalid-json" || error instanceof SyntaxError) {
    return {
      reason: "bad_reply",
      message: "an unreadable reply from Hunyuan",
      retryable: false,
    };
  }
  return { reason: "server_error", message: "Hunyuan could not be reached", retryable: true };
}
