import { describe, expect, it } from "vitest";
import { MAX_ROUNDS, runAgentLoop } from "../../../src/core/agent/agent-loop.js";
import type { CallExecutor, Llm } from "../../../src/core/ports.js";
import { systemClock } from "../../../src/core/ports.js";
import { redactText } from "../../../src/core/redact.js";
import { redactOutput } from "../../../src/core/tools/redact-output.js";
import { codedFailure } from "../../helpers/coded-failure.js";
import { recordingExecutor, scriptedLlm, toolCall } from "./scripted-llm.js";

function loop(llm: Llm, execute: CallExecutor, resultTokenBudget = 2_000) {
  return runAgentLoop({
    llm,
    tools: [{ name: "get_resources", description: "List objects.", parameters: { type: "object" } }],
    system: "rules",
    question: "why is checkout slow?",
    execute,
    clock: systemClock,
    resultTokenBudget,
  });
}

describe("the agent loop", () => {
  it("plans, runs the calls, sends the results back and returns the LLM's answer", async () => {
    const { llm, requests } = scriptedLlm([
      { toolCalls: [toolCall("get_resources", { kind: "pods", namespace: "shop" })] },
      { content: "One pod, web-1, is running." },
    ]);
    const { execute, batches } = recordingExecutor();
    const outcome = await loop(llm, execute);
    expect(outcome).toMatchObject({
      summary: "One pod, web-1, is running.",
      rounds: 2,
      tokens: { in: 200, out: 20 },
      model: "scripted", // the configured model, not the reply's "scripted-1"
      refusal: null,
    });
    expect(batches).toEqual([[{ tool: "get_resources", args: { kind: "pods", namespace: "shop" } }]]);
    expect(outcome.calls.map((call) => call.record.tool)).toEqual(["get_resources"]);
    const second = requests[1].messages;
    expect(second.map((message) => message.role)).toEqual(["system", "user", "assistant", "tool"]);
    expect(second[3]).toMatchObject({ role: "tool", toolCallId: "c1_0" });
    expect(second[3].role === "tool" && second[3].content).toContain("web-1\tRunning");
    expect(requests.map((request) => request.toolChoice)).toEqual(["auto", "auto"]);
  });

  it(`never makes more than ${MAX_ROUNDS} LLM calls, and asks for text in the last`, async () => {
    const { llm, requests } = scriptedLlm([
      { toolCalls: [toolCall("get_resources", { kind: "pods" })] },
      { toolCalls: [toolCall("get_resources", { kind: "services" })] },
      { toolCalls: [toolCall("get_resources", { kind: "nodes" })] },
      { content: "never asked for" },
    ]);
    const { execute, batches } = recordingExecutor();
    const outcome = await loop(llm, execute);
    expect(requests).toHaveLength(MAX_ROUNDS);
    expect(requests[MAX_ROUNDS - 1].toolChoice).toBe("none");
    expect(batches).toHaveLength(2);
    expect(outcome.rounds).toBe(MAX_ROUNDS);
    expect(outcome.summary).toBeUndefined();
  });

  it("ends the loop when the LLM repeats a call it already ran", async () => {
    const { llm, requests } = scriptedLlm([
      { toolCalls: [toolCall("get_resources", { kind: "pods", namespace: "shop" })] },
      { toolCalls: [toolCall("get_resources", { namespace: "shop", kind: "pods" })] },
      { content: "never asked for" },
    ]);
    const { execute, batches } = recordingExecutor();
    const outcome = await loop(llm, execute);
    expect(requests).toHaveLength(2);
    expect(batches).toHaveLength(1);
    expect(outcome.rounds).toBe(2);
    expect(outcome.calls).toHaveLength(1);
  });

  it("sends one corrective message for an invalid call and keeps going when the LLM corrects itself", async () => {
    const { llm, requests } = scriptedLlm([
      { toolCalls: [toolCall("get_resources", { kind: "secrets" })] },
      { toolCalls: [toolCall("get_resources", { kind: "pods" })] },
      { content: "Pods are fine." },
    ]);
    const { execute } = recordingExecutor((call) =>
      call.args.kind === "secrets"
        ? { code: "refused", message: "K8Helper never reads Secrets." }
        : undefined,
    );
    const outcome = await loop(llm, execute);
    const correction = requests[1].messages[3];
    expect(correction.role === "tool" && correction.content).toMatch(
      /^error refused: K8Helper never reads Secrets\.\nThis call was not run/,
    );
    expect(outcome.summary).toBe("Pods are fine.");
    expect(outcome.calls.map((call) => call.record.args)).toEqual([{ kind: "pods" }]);
  });

  it("throws llm_error on a second round of invalid calls, so the offline planner answers", async () => {
    const { llm } = scriptedLlm([
      { toolCalls: [toolCall("delete_pod", { name: "web-1" })] },
      { toolCalls: [toolCall("delete_pod", { name: "web-1" })] },
      { content: "never asked for" },
    ]);
    const { execute } = recordingExecutor((call) =>
      call.tool === "delete_pod" ? { code: "refused", message: "not a read-only tool" } : undefined,
    );
    const error = await codedFailure(loop(llm, execute), "llm_error");
    expect(error.details).toEqual({ reason: "invalid_calls" });
  });

  it("treats malformed tool arguments as an invalid call that never reaches the executor", async () => {
    const { llm, requests } = scriptedLlm([
      { toolCalls: [toolCall("get_resources", '{"kind": "pods"')] },
      { toolCalls: [toolCall("get_resources", "[1, 2]")] },
    ]);
    const { execute, batches } = recordingExecutor();
    const error = await codedFailure(loop(llm, execute), "llm_error");
    expect(error.details).toEqual({ reason: "invalid_calls" });
    expect(batches).toEqual([]);
    const correction = requests[1].messages[3];
    expect(correction.role === "tool" && correction.content).toContain("not a JSON object");
  });

  it("does not count a call that ran and failed in the cluster as invalid", async () => {
    const { llm } = scriptedLlm([
      { toolCalls: [toolCall("get_resources", { kind: "pods", name: "gone" })] },
      { toolCalls: [toolCall("get_resources", { kind: "pods", name: "gone-too" })] },
      { content: "Neither pod exists." },
    ]);
    const { execute } = recordingExecutor(() => ({ code: "not_found", message: "no such pod" }));
    const outcome = await loop(llm, execute);
    expect(outcome.summary).toBe("Neither pod exists.");
    expect(outcome.calls.map((call) => call.record.ok)).toEqual([false, false]);
  });

  it("throws llm_error on an empty reply and on a refusal", async () => {
    const { execute } = recordingExecutor();
    expect(
      (await codedFailure(loop(scriptedLlm([{ content: "  " }]).llm, execute), "llm_error")).details,
    ).toEqual({
      reason: "empty",
    });
    const refused = await codedFailure(
      loop(scriptedLlm([{ refusal: "content filter" }]).llm, execute),
      "llm_error",
    );
    expect(refused.details).toEqual({ reason: "refused" });
    expect(refused.message).toBe("it declined to answer: content filter");
  });

  it("answers at once when the LLM needs no calls", async () => {
    const { llm } = scriptedLlm([{ content: "I only read the cluster; I cannot restart pods." }]);
    const { execute, batches } = recordingExecutor();
    const outcome = await loop(llm, execute);
    expect(outcome).toMatchObject({
      rounds: 1,
      calls: [],
      summary: "I only read the cluster; I cannot restart pods.",
    });
    expect(batches).toEqual([]);
  });

  it("sends the tool's redacted output to the LLM, cut to the budget, without scanning it again", async () => {
    const { llm, requests } = scriptedLlm([
      { toolCalls: [toolCall("get_pod_logs", { name: "api" })] },
      { content: "done" },
    ]);
    // As the real executor does: the tool's output is redacted once (defineTool), the digest only cuts it.
    const execute: CallExecutor = async (calls) =>
      calls.map((call) => ({
        record: { ...call, ok: true, durationMs: 1 },
        ...redactOutput(
          {
            parts: [
              {
                type: "code",
                title: "api logs",
                language: "log",
                code: `connecting with password=hunter2hunter2\n${"GET /healthz 200\n".repeat(2_000)}`,
              },
            ],
            facts: {},
          },
          redactText,
        ),
        notes: [],
      }));
    await loop(llm, execute, 300);
    const result = requests[1].messages[3];
    const content = result.role === "tool" ? result.content : "";
    expect(content).not.toContain("hunter2");
    expect(content).toContain("password=****");
    expect(content).toMatch(/more characters cut\]$/);
    expect(content.length).toBeLessThan(1_400);
  });
});
