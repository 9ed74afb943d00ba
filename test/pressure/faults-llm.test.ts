import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../src/core/answer.js";
import { type LlmScriptEntry, type ScriptedServer, scripted } from "../fakes/llm-script.js";
import { startFakeOpenAiServer } from "../fakes/openai-server.js";
import { handlerFinished } from "../helpers/slack-handlers.js";
import { askHttp, type PressureStack, sendCommand, startPressureStack } from "./pressure-stack.js";
import { repliesTo } from "./slack-replies.js";

/**
 * test/integration/llm-faults.test.ts covers each LLM fault on the pipeline; here the same faults reach users
 * through the HTTP API and Slack: a 200 answer from the offline planner with the one-line note, one Slack message.
 */
let llm: ScriptedServer;
let stack: PressureStack;
beforeAll(async () => {
  llm = await startFakeOpenAiServer({ apiKey: "sk-pressure" });
  stack = await startPressureStack({
    logLevel: "info",
    env: {
      K8HELPER_PLANNER: "openai",
      OPENAI_API_KEY: "sk-pressure",
      OPENAI_BASE_URL: `${llm.url}/v1`,
      // The whole LLM call (retries and the 500 ms first backoff included) gets 5 s: with 1 s, a busy machine
      // answered the first 502 too late to retry within budget, and the unused 503 was left queued for the next case.
      K8HELPER_LLM_TIMEOUT_MS: "5000",
      K8HELPER_LLM_MAX_RETRIES: "1",
      K8HELPER_ANSWER_TTL: "0",
    },
    overrides: { agent: undefined },
  });
});
afterAll(async () => {
  expect(stack.slack.violations).toEqual([]);
  await stack?.close();
  await llm?.close();
});

const faults: { fault: string; script: LlmScriptEntry[] }[] = [
  { fault: "no answer (timeout)", script: [{ kind: "hang" }] },
  {
    fault: "5xx beyond the retries",
    script: [
      { kind: "error", status: 502 },
      { kind: "error", status: 503 },
    ],
  },
  { fault: "429 with a long Retry-After", script: [{ kind: "error", status: 429, retryAfter: "90" }] },
  { fault: "garbage", script: [{ kind: "raw", body: "\u0000\u00ff not json at all" }] },
  {
    fault: "tool calls K8Helper cannot run, twice",
    script: [scripted.call("delete_pod", { name: "x" }), scripted.call("exec", "{{{")],
  },
];

const FALLBACK = /^The LLM was unavailable \(.+\): answered by the offline planner\.$/;

describe("LLM faults through the HTTP API and Slack", () => {
  it.each(faults)("$fault: the offline planner answers, with one note", async ({ script }) => {
    const before = llm.requests.length;
    llm.script(...script);
    const response = await askHttp(stack, { query: "list pods in shop" });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as Answer;
    expect(answer.error).toBeUndefined();
    expect(answer.planner).toBe("builtin");
    expect(answer.notes.filter((note) => FALLBACK.test(note))).toHaveLength(1);
    expect(answer.calls).toMatchObject([{ tool: "get_resources", ok: true }]);
    expect(llm.requests.length - before).toBe(script.length);

    llm.script(...script);
    const command = await sendCommand(stack, "list pods in shop");
    await handlerFinished(stack.logs, command.channel);
    const replies = repliesTo(stack.slack, command);
    expect(replies).toMatchObject({ finals: 1, answers: 1, posts: 1, private: 0 });
    expect(replies.text).toContain("LLM was unavailable");
    expect(llm.requests.length - before).toBe(2 * script.length);
  });
});
