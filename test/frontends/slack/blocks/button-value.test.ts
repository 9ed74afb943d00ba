import { describe, expect, it } from "vitest";
import type { Answer } from "../../../../src/core/answer.js";
import { renderAnswerActions } from "../../../../src/frontends/slack/blocks/answer-actions.js";
import {
  type ButtonPayload,
  decodeButtonValue,
  encodeButtonValue,
} from "../../../../src/frontends/slack/blocks/button-value.js";
import { sampleAnswer } from "../sample-answers.js";

describe("button values", () => {
  it.each<ButtonPayload>([
    { id: "abc" },
    { id: "abc", l: "zh", d: { kind: "pods", namespace: "payments" } },
    { id: "x", d: { all_namespaces: true } },
  ])("round-trips %j", (payload) => {
    expect(decodeButtonValue(encodeButtonValue(payload))).toEqual(payload);
  });

  it.each([
    undefined,
    "",
    "not json",
    "{}",
    '{"id":""}',
    '{"id":"x","d":{"kind":{"a":1}}}',
    // The old shape carried the question: a value with text in it is not ours any more.
    '{"q":"pods in payments","id":"x"}',
  ])("rejects %s", (value) => {
    expect(decodeButtonValue(value)).toBeUndefined();
  });

  it("carries a reference to the stored answer, never the question text", () => {
    const question = "why is checkout crashing in shop <!channel> 为什么";
    const answer: Answer = sampleAnswer([], { question, language: "zh" });
    const values = renderAnswerActions(answer).elements.map(
      (element) => (element as { value: string }).value,
    );
    expect(values.length).toBeGreaterThan(0);
    for (const value of values) {
      expect(value).not.toContain("checkout crashing");
      expect(decodeButtonValue(value)).toMatchObject({ id: answer.requestId, l: "zh" });
    }
  });
});
