import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryRateLimiter } from "../../src/adapters/cache/memory-rate-limiter.js";
import { createSendPacer, type SendPacer, SLACK_BUDGETS } from "../../src/frontends/slack/send-pacing.js";
import { directMessageEvent, eventEnvelope, mentionEvent } from "../fakes/slack-payloads.js";
import { SLACK_RATE_LIMITS } from "../fakes/slack-rate-limits.js";
import { startTestStack, type TestStack } from "../helpers/answer-service.js";
import { handlersFinished } from "../helpers/slack-handlers.js";
import { finalAnswers, leftPlaceholders } from "./slack-finals.js";
import {
  commandInMode,
  isAnswered,
  type SlackHarness,
  sendEvent,
  startSlackHarness,
} from "./slack-harness.js";

const QUESTIONS = [
  "pods in shop",
  "namespaces",
  "deployments in payments",
  "services in shop",
  "daemonsets in kube-system",
  "nodes",
];

type Mode = "http" | "socket";

async function event(harness: SlackHarness, mode: Mode, body: Record<string, unknown>) {
  if (mode === "http") await sendEvent(harness, body);
  else await harness.socket!.send("events_api", eventEnvelope(body));
}

/** 24 questions at once: six commands in each of two channels, six mentions in one, six DMs in three. */
async function askAtOnce(harness: SlackHarness, mode: Mode): Promise<string[]> {
  const commandChannels = [`C0BURSTA${mode}`, `C0BURSTB${mode}`];
  const mentionChannel = `C0BURSTM${mode}`;
  const dmChannels = [`D0BURSTA${mode}`, `D0BURSTB${mode}`, `D0BURSTC${mode}`];
  const sent: string[] = [];
  const asks: Promise<void>[] = [];
  for (const channel of commandChannels)
    for (const [q, question] of QUESTIONS.entries()) {
      sent.push(channel);
      asks.push(commandInMode(harness, question, channel, `${channel}-${q}`));
    }
  for (const question of QUESTIONS) {
    sent.push(mentionChannel);
    asks.push(event(harness, mode, mentionEvent(question, { channel: mentionChannel })));
  }
  for (const [q, question] of QUESTIONS.entries()) {
    const channel = dmChannels[q % dmChannels.length];
    sent.push(channel);
    asks.push(event(harness, mode, directMessageEvent(question, { channel })));
  }
  await Promise.all(asks);
  await handlersFinished(() => harness.logs, sent, 90_000);
  return sent;
}

function expectOneAnswerEach(harness: SlackHarness, sent: string[]) {
  for (const channel of new Set(sent)) {
    const asked = sent.filter((sentTo) => sentTo === channel).length;
    expect({ channel, finals: finalAnswers(harness.slack, channel).length }).toEqual({
      channel,
      finals: asked,
    });
    expect(leftPlaceholders(harness.slack, channel)).toEqual([]);
  }
  expect(harness.logs.filter((log) => log.message === "slack question answered")).toHaveLength(sent.length);
}

/**
 * Issue 15 §4 through the real Bolt app over HTTP and Socket Mode: 24 questions at once against a fake Slack
 * that answers 429 beyond Tier 3 (50 chat.update a minute) and beyond about a message a second per channel.
 * The bot keeps within both, and every question gets exactly one final answer: placeholders and progress
 * are skipped when the budget is short, answers wait for it.
 */
describe.each(["http", "socket"] as const)("24 concurrent questions within Slack's budgets (%s)", (mode) => {
  let stack: TestStack;
  let harness: SlackHarness;
  beforeAll(async () => {
    stack = await startTestStack();
    harness = await startSlackHarness({ mode, sharedStack: stack });
  });
  afterAll(async () => {
    stack.cluster.faults.clear();
    await harness?.close();
    await stack?.close();
  });

  it("sends nothing Slack would limit, and answers each question once", async () => {
    // Slow daemonsets earn progress edits, which must fit the Tier-3 minute with the answers.
    stack.cluster.faults.set({ latencyMs: 1_500, pathPattern: /\/daemonsets/ });
    const sent = await askAtOnce(harness, mode);
    stack.cluster.faults.clear();
    expect(harness.slack.violations).toEqual([]);
    expect(harness.slack.rateLimited).toEqual([]);
    expectOneAnswerEach(harness, sent);
    // Six commands in one channel at once: some got no placeholder (the channel had no room) and were posted.
    const postedAnswers = harness.slack
      .callsTo("chat.postMessage")
      .filter((call) => call.params.channel === `C0BURSTA${mode}` && isAnswered(call.params));
    expect(postedAnswers.length).toBeGreaterThan(0);
  });
});

/**
 * When the Tier-3 budget is spent the answers wait for it: a minute shortened to 5 s (for the bot and the fake
 * alike), 4 edits a minute for the bot, 5 for the fake, and 8 placeholders to replace at once.
 */
describe.each(["http", "socket"] as const)("answers when the Tier-3 budget is spent (%s)", (mode) => {
  let harness: SlackHarness;
  beforeAll(async () => {
    const pacer = createSendPacer(createMemoryRateLimiter(), {
      ...SLACK_BUDGETS,
      tier3PerMinute: 4,
      placeholdersPerMinute: 10,
      minuteSeconds: 5,
    });
    harness = await startSlackHarness({
      mode,
      pacer,
      slackRateLimits: { ...SLACK_RATE_LIMITS, tier3PerMinute: 5, minuteMs: 5_000 },
    });
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("wait for it instead of failing, and each arrives once", async () => {
    const channels = Array.from({ length: 8 }, (_, i) => `C0SPENT${i}${mode}`);
    await Promise.all(
      channels.map((channel, i) =>
        commandInMode(harness, QUESTIONS[i % QUESTIONS.length], channel, `${channel}-1`),
      ),
    );
    await handlersFinished(() => harness.logs, channels, 60_000);
    // Eight edits where the fake allows five in its minute, and no limit hit: the bot spread them out.
    expect(harness.slack.callsTo("chat.update").length).toBeGreaterThanOrEqual(8);
    expect(harness.slack.violations).toEqual([]);
    expectOneAnswerEach(harness, channels);
  });
});

/** The control: the same burst from a bot that does not pace is limited, which the paced runs above are not. */
describe("the same burst from a bot that does not pace", () => {
  let harness: SlackHarness;
  beforeAll(async () => {
    const unpaced: SendPacer = {
      beforeSend: async () => {},
      takeProgress: async () => true,
      takePost: async () => true,
    };
    harness = await startSlackHarness({ mode: "http", pacer: unpaced });
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("gets Slack's 429s (Retry-After, ratelimited), tries again after them, and still answers each question once", async () => {
    const sent = await askAtOnce(harness, "http");
    expect(harness.slack.rateLimited.length).toBeGreaterThan(0);
    expect(
      harness.slack.violations.some((violation) => violation.includes("over one message a second")),
    ).toBe(true);
    // Every limited call was tried again after its Retry-After (the Web API client waits it out), so nothing is lost.
    expectOneAnswerEach(harness, sent);
  });
});
