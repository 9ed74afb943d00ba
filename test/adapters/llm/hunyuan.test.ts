import { afterEach, describe, expect, it } from "vitest";
import { createHunyuanLlm } from "../../../src/adapters/llm/hunyuan.js";
import type { LlmRequest, LlmToolSchema } from "../../../src/core/ports.js";
import { startFakeHunyuanServer } from "../../fakes/hunyuan-server.js";
import type { ScriptedServer } from "../../fakes/llm-script.js";
import { scripted } from "../../fakes/llm-script.js";
import { codedFailure } from "../../helpers/coded-failure.js";

const tools: LlmToolSchema[] = [
  {
    name: "get_pod_logs",
    description: "A pod's log tail.",
    parameters: { type: "object", properties: { name: { type: "string" } }, required: ["name"] },
  },
];
const question: LlmRequest = {
  messages: [
    { role: "system", content: "你是 K8Helper。" },
    { role: "user", content: "coredns 的日志" },
  ],
  tools,
};

let server: ScriptedServer;
afterEach(() => server?.close());

async function llmFor(
  options: {
    secretKey?: string;
    timeoutMs?: number;
    waits?: number[];
    endpoint?: (url: string) => string;
  } = {},
) {
  server = await startFakeHunyuanServer({
    secretId: "AKIDfake",
    secretKey: "right-key",
    region: "ap-guangzhou",
  });
  return createHunyuanLlm({
    secretId: "AKIDfake",
    secretKey: options.secretKey ?? "right-key",
    region: "ap-guangzhou",
    model: "hunyuan-turbos-latest",
    endpoint: options.endpoint ? options.endpoint(server.url) : server.url,
    timeoutMs: options.timeoutMs ?? 5_000,
    maxRetries: 1,
    sleep: async (ms) => {
      options.waits?.push(ms);
    },
  });
}

describe("the native Hunyuan adapter against a TC3-verifying server", () => {
  it("signs the request, sends Tools and ToolChoice, and reads ToolCalls and Usage", async () => {
    const llm = await llmFor();
    server.script(scripted.call("get_pod_logs", { name: "coredns", namespace: "kube-system" }));
    const reply = await llm.chat(question);
    expect(reply.message.toolCalls).toEqual([
      { id: "call_1_0", name: "get_pod_logs", arguments: '{"name":"coredns","namespace":"kube-system"}' },
    ]);
    expect(reply.usage).toEqual({ in: 400, out: 30 });
    expect(reply.model).toBe("hunyuan-turbos-latest");
    const [sent] = server.requests;
    expect(sent.model).toBe("hunyuan-turbos-latest");
    expect(sent.tools).toEqual(tools);
    expect(sent.toolChoice).toBe("auto");
    expect(sent.headers["x-tc-action"]).toBe("ChatCompletions");
    expect(String(sent.headers.authorization)).toMatch(/^TC3-HMAC-SHA256 Credential=AKIDfake\//);
  });

  it("accepts a bare host:port endpoint as https and a URL as given", async () => {
    const llm = await llmFor({ endpoint: (url) => url.replace("http://", "") });
    const error = await codedFailure(llm.chat(question), "llm_error");
    // The fake speaks plain HTTP, so an https:// default cannot reach it: proof the protocol defaulted to https.
    expect(error.details).toEqual({ reason: "server_error" });
  });

  it("sends tool results with ToolCallId and the assistant's ToolCalls", async () => {
    const llm = await llmFor();
    server.script(scripted.text("coredns 日志正常。"));
    const reply = await llm.chat({
      ...question,
      messages: [
        ...question.messages,
        {
          role: "assistant",
          toolCalls: [{ id: "call_1_0", name: "get_pod_logs", arguments: '{"name":"coredns"}' }],
        },
        { role: "tool", toolCallId: "call_1_0", content: "[INFO] plugin/reload" },
      ],
    });
    expect(reply.message.content).toBe("coredns 日志正常。");
    const [sent] = server.requests;
    expect(sent.messages.map((message) => message.role)).toEqual(["system", "user", "assistant", "tool"]);
    expect(sent.messages[2].toolCalls).toEqual([
      { id: "call_1_0", name: "get_pod_logs", arguments: '{"name":"coredns"}' },
    ]);
    expect(sent.messages[3]).toMatchObject({ toolCallId: "call_1_0", content: "[INFO] plugin/reload" });
  });

  it("a wrong secret key fails the fake's signature check and is an auth error", async () => {
    const llm = await llmFor({ secretKey: "wrong-key" });
    server.script(scripted.text("never"));
    const error = await codedFailure(llm.chat(question), "llm_error");
    expect(error.details).toEqual({ reason: "auth" });
    expect(error.message).toBe("Hunyuan rejected the credentials (AuthFailure.SignatureFailure)");
    expect(server.requests).toHaveLength(0);
  });

  it("retries a rate-limit error code, then succeeds", async () => {
    const waits: number[] = [];
    const llm = await llmFor({ waits });
    server.script(
      { kind: "error", status: 200, code: "RequestLimitExceeded", message: "请求频率超限" },
      scripted.text("ok"),
    );
    expect((await llm.chat(question)).message.content).toBe("ok");
    expect(waits).toHaveLength(1);
    expect(server.requests).toHaveLength(2);
  });

  it("maps an HTTP 502 and a failed engine to server errors", async () => {
    const llm = await llmFor();
    server.script(
      { kind: "error", status: 502 },
      { kind: "error", status: 200, code: "FailedOperation.EngineServerError" },
    );
    const error = await codedFailure(llm.chat(question), "llm_error");
    expect(error.details).toEqual({ reason: "server_error" });
    expect(error.message).toBe("Hunyuan failed (FailedOperation.EngineServerError)");
  });

  it("does not retry an invalid parameter", async () => {
    const llm = await llmFor();
    server.script(
      { kind: "error", status: 200, code: "InvalidParameter", message: "Messages" },
      scripted.text("never"),
    );
    expect((await codedFailure(llm.chat(question), "llm_error")).details).toEqual({ reason: "rejected" });
    expect(server.requests).toHaveLength(1);
  });

  it("times out a hanging endpoint", async () => {
    const llm = await llmFor({ timeoutMs: 300 });
    server.script({ kind: "hang" });
    expect((await codedFailure(llm.chat(question), "llm_error")).details).toEqual({ reason: "timeout" });
  });

  it("reports a body that is not the API's JSON, and a reply with no choices", async () => {
    const llm = await llmFor();
    server.script({ kind: "raw", body: "<html>bad gateway</html>" });
    expect((await codedFailure(llm.chat(question), "llm_error")).details).toEqual({ reason: "bad_reply" });
    server.script({ kind: "raw", body: JSON.stringify({ Response: { Choices: [], RequestId: "r" } }) });
    expect((await codedFailure(llm.chat(question), "llm_error")).details).toEqual({ reason: "bad_reply" });
  });

  it("reads FinishReason sensitive as a refusal", async () => {
    const llm = await llmFor();
    server.script({ kind: "reply", refusal: "moderated" });
    expect((await llm.chat(question)).refusal).toBe("content moderation");
  });
});
