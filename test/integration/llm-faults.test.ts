import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LlmScriptEntry } from "../fakes/llm-script.js";
import { scripted } from "../fakes/llm-script.js";
import { question } from "../helpers/question.js";
import { type LlmTestStack, startLlmStack } from "./llm-stack.js";

let stack: LlmTestStack;
beforeAll(async () => {
  // A short budget: the hanging endpoint costs at most this long.
  stack = await startLlmStack("openai", { K8HELPER_LLM_TIMEOUT_MS: "1500", K8HELPER_LLM_SUMMARY: "false" });
});
afterAll(() => stack?.close());

const faults: { fault: string; script: LlmScriptEntry[]; note: RegExp }[] = [
  { fault: "a timeout", script: [{ kind: "hang" }], note: /\(no answer within 1\.5 s\)/ },
  {
    fault: "5xx twice (more than the retries)",
    script: [
      { kind: "error", status: 500 },
      { kind: "error", status: 503 },
    ],
    note: /\(HTTP 503 from the LLM endpoint\)/,
  },
  {
    fault: "429 with Retry-After beyond the budget",
    script: [{ kind: "error", status: 429, retryAfter: "120" }],
    note: /\(rate limited \(HTTP 429\); retry after 120 s is beyond the 1\.5 s budget\)/,
  },
  {
    fault: "malformed tool arguments twice",
    script: [
      scripted.call("get_resources", '{"kind": "pods", "namespace": '),
      scripted.call("get_resources", "{kind: pods}"),
    ],
    note: /\(it twice asked for calls K8Helper cannot run\)/,
  },
  {
    fault: "a refusal",
    script: [{ kind: "reply", refusal: "I can't help with that." }],
    note: /\(it declined to answer: I can't help with that\.\)/,
  },
  { fault: "an empty reply", script: [{ kind: "reply", content: "" }], note: /\(an empty reply\)/ },
  {
    fault: "a body that is not JSON",
    script: [{ kind: "raw", body: "<html>502 Bad Gateway</html>", contentType: "application/json" }],
    note: /\(an unreadable reply\)/,
  },
];

describe("LLM faults end to end: the offline planner answers with a one-line note, never a hang", () => {
  it.each(faults)("$fault", async ({ script, note }) => {
    const before = stack.llm.requests.length;
    stack.llm.script(...script);
    const answer = await stack.answers.answer(question("list pods in shop", { fresh: true }));
    expect(answer.error).toBeUndefined();
    expect(answer.planner).toBe("builtin");
    expect(answer.notes[0]).toMatch(/^The LLM was unavailable \(.+\): answered by the offline planner\.$/);
    expect(answer.notes[0]).toMatch(note);
    expect(answer.calls).toMatchObject([
      { tool: "get_resources", args: { kind: "pods", namespace: "shop" }, ok: true },
    ]);
    expect(answer.parts[0]).toMatchObject({ type: "table" });
    expect(stack.llm.requests.length - before).toBe(script.length);
  });

  it("honours a short Retry-After and answers with the LLM", async () => {
    stack.llm.script(
      { kind: "error", status: 429, retryAfter: "0.2" },
      scripted.call("get_resources", { kind: "pods", namespace: "shop" }),
      scripted.text("Five pods in shop; one crash-loops."),
    );
    const answer = await stack.answers.answer(question("how many pods are in shop?", { fresh: true }));
    expect(answer.planner).toBe("openai");
    expect(answer.summary).toBe("Five pods in shop; one crash-loops.");
    expect(answer.notes.join(" ")).not.toMatch(/unavailable/);
  });
});
