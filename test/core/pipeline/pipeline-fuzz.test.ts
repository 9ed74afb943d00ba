import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toolCatalogue } from "../../../src/core/tools/catalogue.js";
import { fuzzQuestions } from "../../fixtures/fuzz-questions.js";
import { startTestStack, type TestStack } from "../../helpers/answer-service.js";
import { question } from "../../helpers/question.js";

const toolNames = new Set(toolCatalogue.map((tool) => tool.name));

/** Issue 3's fuzz: every generated question through the whole pipeline onto the simulated cluster. */
describe("pipeline fuzz", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack.close();
  });

  it("answers 5,000+ hostile questions without an exception, a foreign call or a write", async () => {
    const inputs = fuzzQuestions();
    expect(inputs.length).toBeGreaterThanOrEqual(5_000);
    const outcomes = { answered: 0, refused: 0, error: 0 };
    for (const text of inputs) {
      const answer = await stack.answers.answer(
        question(text, { scope: { namespaces: ["shop", "default"] } }),
      );
      expect(answer.summary.length, JSON.stringify(text.slice(0, 80))).toBeGreaterThan(0);
      expect(answer.calls.every((call) => toolNames.has(call.tool))).toBe(true);
      expect(answer.error?.code ?? "bad_request").not.toBe("server_error");
      outcomes[answer.refusal ? "refused" : answer.error ? "error" : "answered"]++;
    }
    const writes = stack.cluster.requests.filter((request) => request.method !== "GET");
    const secrets = stack.cluster.requests.filter((request) =>
      /secrets/i.test(decodeURIComponent(request.path)),
    );
    expect(writes).toEqual([]);
    expect(secrets).toEqual([]);
    expect(outcomes.answered).toBeGreaterThan(1_000);
    expect(outcomes.refused).toBeGreaterThan(100);
  }, 180_000);
});
