import { describe, expect, it } from "vitest";
import { createMemoryTokenBudget } from "../../src/adapters/cache/memory-token-budget.js";
import { createLlmAgent } from "../../src/core/agent/llm-agent.js";
import { CodedError } from "../../src/core/errors.js";
import { withTokenBudget } from "../../src/core/llm-token-budget.js";
import type { Agent, AgentOutcome } from "../../src/core/ports.js";
import type { Question } from "../../src/core/question.js";
import { toolCatalogue } from "../../src/core/tools/catalogue.js";
import { recordingExecutor, scriptedLlm, toolCall } from "./agent/scripted-llm.js";

function countingAgent(tokens: { in: number; out: number }) {
  let calls = 0;
  const agent: Agent = {
    name: "openai",
    model: "gpt-test",
    async answer(): Promise<AgentOutcome> {
      calls += 1;
      return { calls: [], summary: "ok", rounds: 1, model: "gpt-test", tokens, llmMs: 1, notes: [] };
    },
    async summarise() {
      calls += 1;
      return { summary: "ok", tokens, llmMs: 1 };
    },
  };
  return { agent, calls: () => calls };
}

const ask = (text: string, user = "U1"): Question => ({
  text,
  user,
  frontend: "slack",
  scope: {},
  requestId: "r",
});
const noCalls = async () => [];

describe("withTokenBudget", () => {
  it("spends each answer's tokens and refuses, before calling the LLM, once the day's budget is gone", async () => {
    const budget = createMemoryTokenBudget({ dailyTokens: 1_000 });
    const llm = countingAgent({ in: 400, out: 200 });
    const agent = withTokenBudget(llm.agent, budget);
    expect(agent).toMatchObject({ name: "openai", model: "gpt-test" });

    await agent.answer(ask("pods in shop"), { resourceTypes: [] }, noCalls);
    expect(await budget.remaining("U1")).toBe(400);
    await agent.summarise(ask("pods in shop"), []);
    expect(await budget.remaining("U1")).toBe(0);

    const refused = agent.answer(ask("pods in shop"), { resourceTypes: [] }, noCalls);
    await expect(refused).rejects.toThrow(CodedError);
    await expect(refused).rejects.toThrow("today's LLM token budget is used up; it resets at 00:00 UTC");
    await expect(agent.summarise(ask("查看服务"), [])).rejects.toThrow("今天的大模型额度已用完");
    expect(llm.calls()).toBe(2);

    await agent.answer(ask("pods in shop", "U2"), { resourceTypes: [] }, noCalls);
    expect(llm.calls()).toBe(3);
  });

  it("spends the tokens of an attempt that failed part-way: a second round that errs, a summary refused", async () => {
    const budget = createMemoryTokenBudget({ dailyTokens: 1_000 });
    // Round 1 asks for a call (100 in, 10 out); round 2 has no reply left and fails.
    const { llm } = scriptedLlm([{ toolCalls: [toolCall("get_resources", { kind: "pods" })] }]);
    const agent = withTokenBudget(createLlmAgent({ llm, tools: toolCatalogue }), budget);
    const { execute } = recordingExecutor();
    await expect(agent.answer(ask("pods"), { resourceTypes: [] }, execute)).rejects.toThrow(
      "no scripted reply left",
    );
    expect(await budget.remaining("U1")).toBe(890);

    const refusing = scriptedLlm([{ refusal: "no" }]);
    const summariser = withTokenBudget(createLlmAgent({ llm: refusing.llm, tools: toolCatalogue }), budget);
    await expect(summariser.summarise(ask("pods"), [])).rejects.toThrow("no summary written");
    expect(await budget.remaining("U1")).toBe(780);
  });
});
