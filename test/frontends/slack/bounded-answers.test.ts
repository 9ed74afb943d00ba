import { describe, expect, it } from "vitest";
import type { Answer } from "../../../src/core/answer.js";
import type { AnswerService } from "../../../src/core/pipeline/answer-service.js";
import { boundedAnswers } from "../../../src/frontends/slack/bounded-answers.js";
import { sampleAnswer } from "./sample-answers.js";

describe("boundedAnswers", () => {
  it("keeps at most `limit` questions in the pipeline and answers every one, in order of arrival", async () => {
    let running = 0;
    let peak = 0;
    const started: string[] = [];
    const release: (() => void)[] = [];
    const slow = async (text: string): Promise<Answer> => {
      started.push(text);
      running += 1;
      peak = Math.max(peak, running);
      await new Promise<void>((resolve) => release.push(resolve));
      running -= 1;
      return sampleAnswer([], { question: text });
    };
    const inner: AnswerService = {
      tools: [],
      answer: (question) => slow(question.text),
      answerCalls: (question) => slow(question.text),
    };
    const bounded = boundedAnswers(inner, 2);
    const ask = (text: string) =>
      bounded.answer({ text, user: "u", frontend: "slack", scope: {}, requestId: text });
    const answers = ["a", "b", "c", "d", "e"].map(ask);
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      release.shift()?.();
    }
    const texts = (await Promise.all(answers)).map((answer) => answer.question);
    expect(texts).toEqual(["a", "b", "c", "d", "e"]);
    expect(started).toEqual(["a", "b", "c", "d", "e"]);
    expect(peak).toBe(2);
  });

  it("frees the slot when the pipeline throws", async () => {
    const inner: AnswerService = {
      tools: [],
      answer: () => Promise.reject(new Error("boom")),
      answerCalls: () => Promise.reject(new Error("boom")),
    };
    const bounded = boundedAnswers(inner, 1);
    const question = { text: "q", user: "u", frontend: "slack" as const, scope: {}, requestId: "r" };
    await expect(bounded.answer(question)).rejects.toThrow("boom");
    await expect(bounded.answerCalls(question, [])).rejects.toThrow("boom");
  });
});
