import { afterEach, describe, expect, it } from "vitest";
import { createOpenAiLlm } from "../../../src/adapters/llm/openai.js";
import type { LlmRequest, LlmToolSchema } from "../../../src/core/ports.js";
import type { ScriptedServer } from "../../fakes/llm-script.js";
import { scripted } from "../../fakes/llm-script.js";
import { startFakeOpenAiServer } from "../../fakes/openai-server.js";
import { codedFailure } from "../../helpers/coded-failure.js";

const tools: LlmToolSchema[] = [
  {
    name: "get_resources",
    description: "List objects of a kind.",
    parameters: { type: "object", properties: { kind: { type: "string" } }, required: ["kind"] },
  },
];
const question: LlmRequest = {
  messages: [
    { role: "system", content: "You are K8Helper." },
    { role: "user", content: "pods in kube-system" },
  ],
  tools,
};

let server: ScriptedServer & { baseURL: string };
afterEach(() => server?.close());

async function llmFor(
  options: { timeoutMs?: number; maxRetries?: number; waits?: number[]; apiKey?: string } = {},
) {
  server = await startFakeOpenAiServer({ apiKey: "sk-test" });
  return createOpenAiLlm({
    apiKey: options.apiKey ?? "sk-test",
    baseURL: server.baseURL,
    model: "gpt-test",
    timeoutMs: options.timeoutMs ?? 5_000,
    maxRetries: options.maxRetries ?? 2,
    sleep: async (ms) => {
      options.waits?.push(ms);
    },
  });
}

describe("the OpenAI adapter against an OpenAI-compatible server", () => {
  it("sends the tools and reads tool calls and usage", async () => {
    const llm = await llmFor();
    server.script(scripted.call("get_resources", { kind: "pods", namespace: "kube-system" }));
    const reply = await llm.chat(question);
    expect(reply.message.toolCalls).toEqual([
      {
        id: expect.any(String),
        name: "get_resources",
        arguments: '{"kind":"pods","namespace":"kube-system"}',
      },
    ]);
    expect(reply.usage).toEqual({ in: 400, out: 30 });
    expect(reply.model).toBe("gpt-test");
    const [sent] = server.requests;
    expect(sent.tools).toEqual(tools);
    expect(sent.toolChoice).toBe("auto");
    expect(sent.messages.map((message) => message.role)).toEqual(["system", "user"]);
  });

  it("sends the assistant's calls and the tool results back in the next turn", async () => {
    const llm = await llmFor();
    server.script(scripted.text("Two pods run in kube-system."));
    const reply = await llm.chat({
      ...question,
      toolChoice: "none",
      messages: [
        ...question.messages,
        {
          role: "assistant",
          toolCalls: [{ id: "call_1", name: "get_resources", arguments: '{"kind":"pods"}' }],
        },
        { role: "tool", toolCallId: "call_1", content: '{"rows":2}' },
      ],
    });
    expect(reply.message).toEqual({ content: "Two pods run in kube-system.", toolCalls: [] });
    const [sent] = server.requests;
    expect(sent.toolChoice).toBe("none");
    expect(sent.messages[2]).toMatchObject({
      role: "assistant",
      toolCalls: [{ id: "call_1", name: "get_resources" }],
    });
    expect(sent.messages[3]).toEqual({ role: "tool", toolCallId: "call_1", content: '{"rows":2}' });
  });

  it("retries a 5xx within the budget", async () => {
    const waits: number[] = [];
    const llm = await llmFor({ waits });
    server.script({ kind: "error", status: 503, message: "overloaded" }, scripted.text("ok"));
    const reply = await llm.chat(question);
    expect(reply.message.content).toBe("ok");
    expect(server.requests).toHaveLength(2);
    expect(waits).toHaveLength(1);
  });

  it("honours Retry-After on a 429 when it fits in the budget", async () => {
    const waits: number[] = [];
    const llm = await llmFor({ waits });
    server.script({ kind: "error", status: 429, retryAfter: "2" }, scripted.text("ok"));
    await llm.chat(question);
    expect(waits).toEqual([2_000]);
    expect(server.requests).toHaveLength(2);
  });

  it("gives up at once when Retry-After is beyond the budget", async () => {
    const waits: number[] = [];
    const llm = await llmFor({ waits, timeoutMs: 3_000 });
    server.script({ kind: "error", status: 429, retryAfter: "60" }, scripted.text("never sent"));
    const error = await codedFailure(llm.chat(question), "llm_error");
    expect(error.details).toEqual({ reason: "rate_limited" });
    expect(error.message).toBe("rate limited (HTTP 429); retry after 60 s is beyond the 3 s budget");
    expect(waits).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it("stops retrying after maxRetries", async () => {
    const llm = await llmFor({ maxRetries: 1 });
    server.script({ kind: "error", status: 500 }, { kind: "error", status: 502 }, scripted.text("too late"));
    const error = await codedFailure(llm.chat(question), "llm_error");
    expect(error.details).toEqual({ reason: "server_error" });
    expect(error.message).toBe("HTTP 502 from the LLM endpoint");
    expect(server.requests).toHaveLength(2);
  });

  it("times out a hanging endpoint with a plain message", async () => {
    const llm = await llmFor({ timeoutMs: 300 });
    server.script({ kind: "hang" });
    const error = await codedFailure(llm.chat(question), "llm_error");
    expect(error.details).toEqual({ reason: "timeout" });
    expect(error.message).toBe("no answer within 300 ms");
  });

  it("reports a rejected API key without retrying", async () => {
    const llm = await llmFor({ apiKey: "sk-wrong" });
    const error = await codedFailure(llm.chat(question), "llm_error");
    expect(error.details).toEqual({ reason: "auth" });
    expect(error.message).toBe("the LLM endpoint rejected the API key (HTTP 401)");
    expect(server.requests).toHaveLength(0);
  });

  it("reports a body that is not a chat completion", async () => {
    const llm = await llmFor();
    server.script({ kind: "raw", body: '{"choices": [' });
    expect((await codedFailure(llm.chat(question), "llm_error")).details).toEqual({ reason: "bad_reply" });
    server.script({ kind: "raw", body: '{"object": "chat.completion", "choices": []}' });
    expect((await codedFailure(llm.chat(question), "llm_error")).details).toEqual({ reason: "bad_reply" });
  });

  it("passes a refusal on", async () => {
    const llm = await llmFor();
    server.script({ kind: "reply", refusal: "I can't help with that." });
    const reply = await llm.chat(question);
    expect(reply.refusal).toBe("I can't help with that.");
    expect(reply.message.toolCalls).toEqual([]);
  });
});
