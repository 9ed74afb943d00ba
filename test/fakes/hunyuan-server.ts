import { createHash, createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import {
  argumentsText,
  type LlmScriptEntry,
  type RecordedLlmRequest,
  type ScriptedServer,
  type ScriptedServerWire,
  startScriptedServer,
  type WireResponse,
} from "./llm-script.js";

export interface FakeHunyuanOptions {
  secretId?: string;
  secretKey?: string;
  region?: string;
  script?: LlmScriptEntry[];
}

/**
 * Tencent Cloud API 3.0 for hunyuan ChatCompletions: `POST /`, X-TC-* headers, a TC3-HMAC-SHA256 signature
 * the fake recomputes (the SDK checks nothing on the way back, so this is what proves we sign right).
 */
export async function startFakeHunyuanServer(options: FakeHunyuanOptions = {}): Promise<ScriptedServer> {
  const credentials = {
    secretId: options.secretId ?? "AKIDtest",
    secretKey: options.secretKey ?? "test-secret-key",
    region: options.region ?? "ap-guangzhou",
  };
  return startScriptedServer(hunyuanWire(credentials), options.script ?? []);
}

interface HunyuanWireMessage {
  Role: string;
  Content?: string;
  ToolCallId?: string;
  ToolCalls?: { Id: string; Function: { Name: string; Arguments: string } }[];
}

function hunyuanWire(credentials: {
  secretId: string;
  secretKey: string;
  region: string;
}): ScriptedServerWire {
  return {
    parse(request, body) {
      const problem = signatureProblem(request, body, credentials);
      if (problem) return { reject: apiError(problem.code, problem.message) };
      let json: {
        Model?: string;
        Messages?: HunyuanWireMessage[];
        Tools?: { Type: string; Function: { Name: string; Description: string; Parameters: string } }[];
        ToolChoice?: string;
      };
      try {
        json = JSON.parse(body);
        const tools = (json.Tools ?? []).map((tool) => ({
          ...tool.Function,
          parameters: JSON.parse(tool.Function.Parameters),
        }));
        if (!json.Model || !Array.isArray(json.Messages) || json.Messages.length === 0)
          throw new Error("no messages");
        const recorded: RecordedLlmRequest = {
          model: json.Model,
          messages: json.Messages.map((message) => ({
            role: message.Role,
            content: message.Content,
            toolCallId: message.ToolCallId,
            toolCalls: message.ToolCalls?.map((call) => ({
              id: call.Id,
              name: call.Function.Name,
              arguments: call.Function.Arguments,
            })),
          })),
          tools: tools.map((tool) => ({
            name: tool.Name,
            description: tool.Description,
            parameters: tool.parameters,
          })),
          toolChoice: json.ToolChoice,
          headers: request.headers,
        };
        return { recorded };
      } catch (error) {
        return { reject: apiError("InvalidParameter", `Malformed request: ${(error as Error).message}`) };
      }
    },
    render(step, _request, sequence) {
      switch (step.kind) {
        case "error":
          return step.code
            ? apiError(step.code, step.message ?? step.code)
            : {
                status: step.status,
                body: step.message ?? `HTTP ${step.status}`,
                headers: { "content-type": "text/plain" },
              };
        case "reply": {
          const usage = step.usage ?? { in: 100, out: 10 };
          const toolCalls = step.toolCalls?.map((call, index) => ({
            Id: `call_${sequence}_${index}`,
            Type: "function",
            Index: index,
            Function: { Name: call.name, Arguments: argumentsText(call.arguments) },
          }));
          return {
            status: 200,
            body: JSON.stringify({
              Response: {
                Id: randomUUID(),
                Created: Math.floor(Date.now() / 1000),
                Note: "以上内容为AI生成，不代表开发者立场，请勿删除或修改本标记",
                Choices: [
                  {
                    Index: 0,
                    FinishReason:
                      step.finishReason ??
                      (step.refusal ? "sensitive" : toolCalls?.length ? "tool_calls" : "stop"),
                    Message: {
                      Role: "assistant",
                      Content: step.content ?? "",
                      ...(toolCalls?.length ? { ToolCalls: toolCalls } : {}),
                    },
                  },
                ],
                Usage: {
                  PromptTokens: usage.in,
                  CompletionTokens: usage.out,
                  TotalTokens: usage.in + usage.out,
                },
                RequestId: randomUUID(),
              },
            }),
          };
        }
        default:
          return apiError("InternalError", "fake: unknown step");
      }
    },
  };
}

function apiError(code: string, message: string): WireResponse {
  return {
    status: 200,
    body: JSON.stringify({ Response: { Error: { Code: code, Message: message }, RequestId: randomUUID() } }),
  };
}

const AUTHORIZATION =
  /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/tc3_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/;

/** Recomputes the TC3-HMAC-SHA256 signature over the request as Tencent Cloud API 3.0 defines it. */
function signatureProblem(
  request: IncomingMessage,
  body: string,
  credentials: { secretId: string; secretKey: string; region: string },
): { code: string; message: string } | undefined {
  const header = (name: string) => String(request.headers[name] ?? "");
  if (request.method !== "POST" || request.url !== "/")
    return { code: "InvalidParameter", message: "Use POST /" };
  if (header("x-tc-action") !== "ChatCompletions")
    return { code: "InvalidAction", message: `Unknown action ${header("x-tc-action")}` };
  if (header("x-tc-version") !== "2023-09-01")
    return { code: "NoSuchVersion", message: "X-TC-Version must be 2023-09-01" };
  if (header("x-tc-region") !== credentials.region)
    return { code: "InvalidParameter", message: `Region ${header("x-tc-region")}` };
  const timestamp = Number(header("x-tc-timestamp"));
  if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > 300) {
    return { code: "AuthFailure.SignatureExpire", message: "X-TC-Timestamp is missing or expired" };
  }
  const match = AUTHORIZATION.exec(header("authorization"));
  if (!match)
    return { code: "AuthFailure.InvalidAuthorization", message: "Authorization is not TC3-HMAC-SHA256" };
  const [, secretId, date, service, signedHeaders, signature] = match;
  if (secretId !== credentials.secretId)
    return { code: "AuthFailure.SecretIdNotFound", message: "Unknown SecretId" };
  if (date !== new Date(timestamp * 1000).toISOString().slice(0, 10)) {
    return { code: "AuthFailure.SignatureFailure", message: "Credential date does not match X-TC-Timestamp" };
  }
  const hostname = header("host").replace(/:\d+$/, "");
  if (service !== hostname.split(".")[0])
    return { code: "AuthFailure.SignatureFailure", message: "Credential service is wrong" };
  if (signedHeaders !== "content-type;host")
    return { code: "AuthFailure.SignatureFailure", message: "SignedHeaders" };
  const canonicalRequest = [
    "POST",
    "/",
    "",
    `content-type:${header("content-type")}\nhost:${hostname}\n`,
    signedHeaders,
    sha256Hex(body),
  ].join("\n");
  const scope = `${date}/${service}/tc3_request`;
  const stringToSign = ["TC3-HMAC-SHA256", String(timestamp), scope, sha256Hex(canonicalRequest)].join("\n");
  const signingKey = hmac(hmac(hmac(`TC3${credentials.secretKey}`, date), service), "tc3_request");
  const expected = createHmac("sha256", signingKey).update(stringToSign).digest();
  if (!timingSafeEqual(expected, Buffer.from(signature, "hex"))) {
    return {
      code: "AuthFailure.SignatureFailure",
      message: "The request signature we calculated does not match",
    };
  }
  return undefined;
}

function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

function hmac(key: string | Buffer, text: string): Buffer {
  return createHmac("sha256", key).update(text, "utf8").digest();
}
