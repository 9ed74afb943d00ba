import { describe, expect, it } from "vitest";
import { runAgentLoop } from "../../../src/core/agent/agent-loop.js";
import { systemClock } from "../../../src/core/ports.js";
import { recordingExecutor, scriptedLlm, toolCall } from "./scripted-llm.js";

const diagnose = (namespace: string) => toolCall("diagnose", { namespace });

describe("bounds on the calls an LLM can have run", () => {
  it("200 identical calls in a round run once", async () => {
    const { llm, requests } = scriptedLlm([
      { toolCalls: Array.from({ length: 200 }, () => diagnose("shop")) },
      { content: "done" },
    ]);
    const { execute, batches } = recordingExecutor();
    const outcome = await runAgentLoop({
      llm,
      tools: [],
      system: "s",
      question: "q",
      execute,
      clock: systemClock,
      resultTokenBudget: 2_000,
    });
    expect(batches.flat()).toHaveLength(1);
    expect(outcome.notes.join(" ")).toMatch(/199 identical call\(s\) run once/);
    // Every proposed call id still gets an answer, as the chat protocol requires.
    expect(requests[1]!.messages.filter((message) => message.role === "tool")).toHaveLength(200);
  });

  it("caps calls per round and per question, with a message to the LLM and a note in the answer", async () => {
    const round = (offset: number) => Array.from({ length: 100 }, (_, i) => diagnose(`ns-${offset + i}`));
    const { llm, requests } = scriptedLlm([
      { toolCalls: round(0) },
      { toolCalls: round(100) },
      { content: "done" },
    ]);
    const { execute, batches } = recordingExecutor();
    const outcome = await runAgentLoop({
      llm,
      tools: [],
      system: "s",
      question: "q",
      execute,
      clock: systemClock,
      resultTokenBudget: 2_000,
      callLimits: { perRound: 8, perQuestion: 12 },
    });
    expect(batches.flat()).toHaveLength(12);
    expect(outcome.notes.join(" ")).toMatch(/not run \(at most 8 per round, 12 per question\)/);
    const toolMessages = requests[1]!.messages.filter((message) => message.role === "tool");
    expect(
      toolMessages.filter((message) => /not run: K8Helper runs at most 8/.test(message.content ?? "")),
    ).toHaveLength(92);
  });
});
