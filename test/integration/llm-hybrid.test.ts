import { afterEach, describe, expect, it } from "vitest";
import { scripted } from "../fakes/llm-script.js";
import { question } from "../helpers/question.js";
import { type LlmTestStack, startLlmStack } from "./llm-stack.js";

let stack: LlmTestStack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

describe("hybrid mode", () => {
  it("runs a confident offline plan without any LLM call when summaries are off", async () => {
    stack = await startLlmStack("openai", { K8HELPER_PLANNER: "hybrid", K8HELPER_LLM_SUMMARY: "false" });
    const answer = await stack.answers.answer(question("list pods in the shop namespace", { fresh: true }));
    expect(answer.calls).toMatchObject([
      { tool: "get_resources", args: { kind: "pods", namespace: "shop" }, ok: true },
    ]);
    expect(stack.llm.requests).toHaveLength(0);
    expect(answer.tokens ?? { in: 0, out: 0 }).toEqual({ in: 0, out: 0 });
  });

  it("asks the LLM only for the summary of a confident offline plan when summaries are on", async () => {
    stack = await startLlmStack("openai", { K8HELPER_PLANNER: "hybrid", K8HELPER_LLM_SUMMARY: "true" });
    stack.llm.script(scripted.text("shop runs 9 pods; one checkout pod crash-loops."));
    const answer = await stack.answers.answer(question("list pods in the shop namespace", { fresh: true }));
    expect(stack.llm.requests).toHaveLength(1);
    const [summary] = stack.llm.requests;
    expect(summary.tools).toEqual([]);
    expect(summary.messages.at(-1)?.content).toContain('get_resources {"kind":"pods","namespace":"shop"}');
    expect(answer.summary).toBe("shop runs 9 pods; one checkout pod crash-loops.");
    expect(answer.parts[0]).toMatchObject({ type: "table" });
  });

  it("lets the LLM plan a question the offline planner is unsure of", async () => {
    stack = await startLlmStack("openai", { K8HELPER_PLANNER: "hybrid", K8HELPER_LLM_SUMMARY: "false" });
    stack.llm.script(
      scripted.call("diagnose", { namespace: "shop" }),
      scripted.text("checkout is crash-looping."),
    );
    const answer = await stack.answers.answer(
      question("why has checkout been so flaky since this morning?", { fresh: true }),
    );
    expect(stack.llm.requests[0].tools.length).toBeGreaterThan(0);
    expect(answer.planner).toBe("openai");
    expect(answer.summary).toBe("checkout is crash-looping.");
  });
});
