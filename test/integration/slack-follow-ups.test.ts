import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channelScopesFrom } from "../../src/config/channels.js";
import type { PostedMessage } from "../fakes/slack-api-server.js";
import { directMessageEvent, eventEnvelope, mentionEvent } from "../fakes/slack-payloads.js";
import { eventually, isAnswered, type SlackHarness, sendEvent, startSlackHarness } from "./slack-harness.js";

/** Issue 15 §1: a question in a thread K8Helper answered in is read with that thread's context. */
describe.each(["http", "socket"] as const)("follow-up questions in Slack threads (%s)", (mode) => {
  let harness: SlackHarness;
  beforeAll(async () => {
    harness = await startSlackHarness({
      mode,
      channels: channelScopesFrom({ C0SHOPONLY: { namespaces: ["shop"] } }),
    });
  });
  afterAll(async () => {
    expect(harness.slack.violations).toEqual([]);
    await harness?.close();
  });

  async function send(event: Record<string, unknown>) {
    if (mode === "http") await sendEvent(harness, event);
    else await harness.socket!.send("events_api", eventEnvelope(event));
  }

  /** The answers posted in one thread, oldest first. */
  function answersIn(channel: string, threadTs: string): PostedMessage[] {
    return [...harness.slack.messages.values()].filter(
      (message) => message.channel === channel && message.thread_ts === threadTs && isAnswered(message),
    );
  }

  async function nthAnswer(channel: string, threadTs: string, n: number): Promise<string> {
    const message = await eventually(() => answersIn(channel, threadTs)[n - 1]);
    return JSON.stringify(message.blocks);
  }

  it("'show me its logs' under an answer about a crashing pod reads that pod's logs, and says so", async () => {
    const channel = `C0FOLLOW${mode}`;
    const first = mentionEvent("why is checkout crashing in shop", { channel });
    await send(first);
    await nthAnswer(channel, first.ts, 1);
    const logsBefore = harness.stack.cluster.requests.filter((r) => r.path.endsWith("/log")).length;
    await send(mentionEvent("show me its logs", { channel, thread_ts: first.ts }));
    const followUp = await nthAnswer(channel, first.ts, 2);
    expect(followUp).toContain("Read as a follow-up");
    expect(followUp).not.toContain("could not tell what to look at");
    const logReads = harness.stack.cluster.requests.filter((r) => r.path.endsWith("/log"));
    expect(logReads.length).toBeGreaterThan(logsBefore);
    expect(logReads.at(-1)?.path).toMatch(/\/namespaces\/shop\/pods\/checkout-[^/]+\/log$/);
  });

  it("'and in payments?' asks the thread's last question in payments", async () => {
    const channel = `C0NS${mode}`;
    const first = mentionEvent("pods in shop", { channel });
    await send(first);
    await nthAnswer(channel, first.ts, 1);
    await send(mentionEvent("and in payments?", { channel, thread_ts: first.ts }));
    const followUp = await nthAnswer(channel, first.ts, 2);
    expect(followUp).toContain("payments-api");
    expect(followUp).toContain("Read as a follow-up");
  });

  it("为什么 in a DM after a Chinese answer diagnoses what that answer was about", async () => {
    const dm = `D0FOLLOW${mode}`;
    await send(directMessageEvent("为什么 shop 中的 checkout 一直重启", { channel: dm }));
    await eventually(() =>
      [...harness.slack.messages.values()].find((m) => m.channel === dm && isAnswered(m)),
    );
    await send(directMessageEvent("它的日志", { channel: dm }));
    const followUp = await eventually(() =>
      [...harness.slack.messages.values()].find(
        (m) => m.channel === dm && isAnswered(m) && JSON.stringify(m.blocks).includes("按上文理解为"),
      ),
    );
    expect(JSON.stringify(followUp.blocks)).toMatch(/checkout-/);
  });

  it("a follow-up never widens the channel's scope: 'and in payments?' in a shop-only channel reads nothing there", async () => {
    const channel = "C0SHOPONLY";
    const first = mentionEvent(`pods in shop (${mode})`, { channel });
    await send(first);
    await nthAnswer(channel, first.ts, 1);
    const before = harness.stack.cluster.requests.length;
    await send(mentionEvent("and in payments?", { channel, thread_ts: first.ts }));
    const refusal = await eventually(() =>
      harness.slack
        .callsTo("chat.postEphemeral")
        .find((call) => call.params.channel === channel && call.params.thread_ts === first.ts),
    );
    expect(JSON.stringify(refusal.params.blocks)).toContain("payments");
    const after = harness.stack.cluster.requests.slice(before);
    expect(after.some((r) => r.path.includes("/namespaces/payments/"))).toBe(false);
  });

  it("a mention outside any thread K8Helper answered stands alone", async () => {
    const channel = `C0ALONE${mode}`;
    const first = mentionEvent("show me its logs", { channel });
    await send(first);
    const message = await eventually(() =>
      // A quick answer in a thread is posted itself (no placeholder first), so it may have one version.
      [...harness.slack.messages.values()].find((m) => m.channel === channel && isAnswered(m)),
    );
    expect(JSON.stringify(message)).not.toContain("Read as a follow-up");
  });
});
