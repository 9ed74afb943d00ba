import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "../helpers/answer-service.js";
import { question } from "../helpers/question.js";

// The web page's "Try" examples, as a newcomer clicks them on the demo (issue 17).
const page = readFileSync("src/frontends/http/public/index.html", "utf8");
const examples = [...page.matchAll(/<button type="button" class="example"[^>]*>([^<]+)<\/button>/g)].map(
  (m) => m[1].replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, "&"),
);

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
}, 60_000);
afterAll(async () => stack?.close());

describe("the web page's Try examples on the demo", () => {
  it("reads them from the page", () => {
    expect(examples.length).toBeGreaterThanOrEqual(6);
  });

  it.each(examples)("%s", async (text) => {
    const answer = await stack.answers.answer(question(text));
    expect(answer.error ?? undefined, JSON.stringify(answer.error)).toBeUndefined();
    expect(answer.refusal ?? undefined).toBeUndefined();
    expect(answer.calls.length).toBeGreaterThan(0);
    expect(answer.calls.every((call) => call.ok)).toBe(true);
    if (/wrong|problem/i.test(text)) expect(answer.summary).not.toMatch(/No problems found/i);
  });

  it("查看kube-system命名空间下名为coredns的Pod的详细信息 picks one coredns replica and says so", async () => {
    const answer = await stack.answers.answer(
      question("查看kube-system命名空间下名为coredns的Pod的详细信息"),
    );
    expect(answer.error ?? undefined, JSON.stringify(answer.error)).toBeUndefined();
    const [call] = answer.calls;
    expect(call.ok).toBe(true);
    const text = JSON.stringify(answer);
    expect(text).toMatch(/coredns matches 2 pods of one workload; showing coredns-[a-z0-9]+-[a-z0-9]+/);
  });
});
