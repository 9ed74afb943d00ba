import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type HttpStack, postQuery, startHttpStack } from "./start-http-stack.js";

/** The REST contract for follow-ups: `conversation` in the body (optional), always in the response. */
describe("POST /api/v1/query with a conversation id", () => {
  let stack: HttpStack;
  beforeAll(async () => {
    stack = await startHttpStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  async function ask(body: Record<string, unknown>) {
    const response = await postQuery(stack.url, body);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it("returns a new random conversation id when none was sent", async () => {
    const first = await ask({ query: "pods in shop" });
    const second = await ask({ query: "pods in shop" });
    expect(first.status).toBe(200);
    expect(first.body.conversation).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(second.body.conversation).not.toBe(first.body.conversation);
  });

  it("reads a follow-up with the conversation's context and says what it assumed", async () => {
    const first = await ask({ query: "why is checkout crashing in shop" });
    const conversation = first.body.conversation as string;
    const before = stack.cluster.requests.length;
    const followUp = await ask({ query: "show me its logs", conversation });
    expect(followUp.status).toBe(200);
    expect(followUp.body.conversation).toBe(conversation);
    expect((followUp.body.notes as string[])[0]).toMatch(/^Read as a follow-up: “.*checkout-/);
    const reads = stack.cluster.requests.slice(before);
    expect(reads.some((r) => /\/namespaces\/shop\/pods\/checkout-[^/]+\/log$/.test(r.path))).toBe(true);
  });

  it("keeps conversations apart: the same follow-up in a new conversation has no context", async () => {
    const followUp = await ask({ query: "show me its logs", conversation: "a-fresh-one" });
    expect(followUp.body.conversation).toBe("a-fresh-one");
    expect(JSON.stringify(followUp.body.notes)).not.toContain("Read as a follow-up");
  });

  it.each(["", "has space", "dot.ted", "x".repeat(65), "斜/杠", 42])(
    "rejects the conversation id %j with 400 and answers nothing",
    async (conversation) => {
      const before = stack.cluster.requests.length;
      const response = await ask({ query: "pods in shop", conversation });
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toContain("conversation");
      expect(stack.cluster.requests.length).toBe(before);
    },
  );
});
