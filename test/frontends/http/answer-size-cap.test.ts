import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type HttpStack, postQuery, startHttpStack } from "./start-http-stack.js";

/** K8HELPER_MAX_ANSWER_BYTES bounds what one answer carries, with one note in the question's language. */
const LIMIT = 4096;
let stack: HttpStack;
beforeAll(async () => {
  stack = await startHttpStack({ env: { K8HELPER_MAX_ANSWER_BYTES: String(LIMIT) } });
});
afterAll(async () => {
  await stack.close();
});

async function ask(query: string) {
  const response = await postQuery(stack.url, { query });
  expect(response.status).toBe(200);
  return (await response.json()) as { parts: unknown[]; notes: string[] };
}

const partsBytes = (parts: unknown[]) => Buffer.byteLength(JSON.stringify(parts));

describe("the answer-size cap through REST", () => {
  it("cuts an oversize answer's parts to the limit and says so once, in English", async () => {
    const answer = await ask("list pods in all namespaces");
    expect(partsBytes(answer.parts)).toBeLessThanOrEqual(LIMIT);
    expect(answer.parts.length).toBeGreaterThan(0);
    const notes = answer.notes.filter((note) => note.includes("K8HELPER_MAX_ANSWER_BYTES"));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^The answer is over its 4 KiB limit/);
  });

  it("says so in Chinese for a Chinese question", async () => {
    const answer = await ask("列出所有命名空间的pod");
    expect(partsBytes(answer.parts)).toBeLessThanOrEqual(LIMIT);
    expect(answer.notes.filter((note) => note.includes("K8HELPER_MAX_ANSWER_BYTES"))).toEqual([
      expect.stringMatching(/^回答超过 4 KiB 的上限/),
    ]);
  });

  it("leaves an answer within the limit as it is", async () => {
    const answer = await ask("list namespaces");
    expect(answer.notes.join("\n")).not.toContain("K8HELPER_MAX_ANSWER_BYTES");
  });
});
