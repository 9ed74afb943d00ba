import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InjectedFailure } from "../fakes/slack-api-server.js";
import { eventually, type PressureStack, sendCommand, startPressureStack } from "./pressure-stack.js";
import { isSettled, repliesTo } from "./slack-replies.js";

/**
 * Slack's Web API fails the very update that carries the answer (not a progress edit): the bot's client retries,
 * and the user still sees exactly one answer, with no duplicate message and nothing sent privately.
 */
let stack: PressureStack;
beforeAll(async () => {
  // info: the "slack question answered" line is the terminal signal the tests wait for.
  stack = await startPressureStack({ logLevel: "info", env: { K8HELPER_ANSWER_TTL: "0" } });
});
afterAll(async () => {
  expect(stack.slack.violations).toEqual([]);
  await stack?.close();
});

const isFinalAnswer = (params: Record<string, unknown>) =>
  JSON.stringify(params.blocks).includes("k8s_refresh");

const failures: { fault: string; failure: InjectedFailure; attempts: number }[] = [
  { fault: "chat.update answers 500 once", failure: { status: 500, times: 1 }, attempts: 2 },
  { fault: "chat.update answers 500 twice", failure: { status: 500, times: 2 }, attempts: 3 },
  {
    fault: "chat.update answers 429 with Retry-After: 1",
    failure: { status: 429, retryAfter: 1, times: 1 },
    attempts: 2,
  },
];

/**
 * The positive terminal signal of one question: the bot logs "slack question answered" (or "not answered")
 * after its last Slack call for it, so nothing more can come for that channel afterwards.
 */
function flowFinished(channel: string) {
  return eventually(() =>
    stack.logLines.some(
      (line) =>
        line.includes(`"channel":"${channel}"`) && /"msg":"slack question (not )?answered"/.test(line),
    ),
  );
}

describe("Slack Web API faults on the answer's chat.update", () => {
  it.each(failures)("$fault: exactly one final message, no duplicate", async ({ failure, attempts }) => {
    stack.slack.failNext("chat.update", { ...failure, match: isFinalAnswer });
    const command = await sendCommand(stack, "deployments in shop");
    expect(command.ack.status).toBe(200);
    await eventually(() => isSettled(stack.slack, command));
    await flowFinished(command.channel);
    const replies = repliesTo(stack.slack, command);
    expect(replies).toMatchObject({ finals: 1, answers: 1, posts: 1, private: 0 });
    expect(replies.text).toContain("checkout");
    const finalUpdates = stack.slack
      .callsTo("chat.update")
      .filter((call) => call.params.channel === command.channel && isFinalAnswer(call.params));
    // The failed attempts and the one that landed, all the same message: a retry, not a second answer.
    expect(finalUpdates).toHaveLength(attempts);
    expect(new Set(finalUpdates.map((call) => JSON.stringify(call.params))).size).toBe(1);
  });

  it("chat.update fails beyond the client's retries: the answer is posted afresh, once, and the placeholder removed", async () => {
    stack.slack.failNext("chat.update", { status: 500, times: 10, match: isFinalAnswer });
    const command = await sendCommand(stack, "statefulsets in data");
    await eventually(() => isSettled(stack.slack, command));
    await flowFinished(command.channel);
    const replies = repliesTo(stack.slack, command);
    expect(replies.finals).toBe(1);
    const placeholders = [...stack.slack.messages.values()].filter(
      (message) => message.channel === command.channel,
    );
    expect(placeholders.every((message) => message.deleted)).toBe(true);
    expect(replies.text).toMatch(/statefulset/i);
  });

  it("a 500 on the placeholder post: the answer still arrives once", async () => {
    stack.slack.failNext("chat.postMessage", { status: 500, times: 1 });
    const command = await sendCommand(stack, "services in payments");
    await eventually(() => isSettled(stack.slack, command));
    await flowFinished(command.channel);
    const replies = repliesTo(stack.slack, command);
    expect(replies.finals).toBe(1);
    expect(replies.posts).toBeLessThanOrEqual(1);
  });
});
