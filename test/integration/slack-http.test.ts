import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandForm, directMessageEvent, mentionEvent, postSigned } from "../fakes/slack-payloads.js";
import { handlerFinished } from "../helpers/slack-handlers.js";
import {
  answeredIn,
  eventually,
  responses,
  SIGNING_SECRET,
  type SlackHarness,
  sendCommand,
  sendEvent,
  startSlackHarness,
} from "./slack-harness.js";

/** The real Bolt app in HTTP mode, signed requests, the real pipeline on the simulated cluster. */
describe("the Slack bot over HTTP", () => {
  let harness: SlackHarness;
  beforeAll(async () => {
    harness = await startSlackHarness({ mode: "http" });
  });
  afterAll(async () => {
    expect(harness.slack.violations).toEqual([]);
    await harness?.close();
  });

  it("acks /k8s, posts a placeholder, then replaces it with the table, context line and buttons", async () => {
    const { slack } = harness;
    const response = await sendCommand(harness, "pods in kube-system");
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
    const message = await eventually(() => answeredIn(harness.slack, "C0PAYMENTS", "coredns"));
    const [placeholder, ...updates] = message.versions;
    expect(JSON.stringify(placeholder.blocks)).toContain(":hourglass_flowing_sand:");
    // Progress may replace the placeholder's text before the answer does (throttled to one edit a second, none in
    // the first second: a quick answer costs one chat.update); whatever progress there was kept the hourglass.
    const progress = updates.slice(0, -1).map((version) => JSON.stringify(version.blocks));
    expect(
      progress.every(
        (blocks) => blocks.includes(":hourglass_flowing_sand:") && !blocks.includes("Working on it"),
      ),
    ).toBe(true);
    const blocks = message.blocks ?? [];
    expect(blocks.filter((block) => block.type === "table")).toHaveLength(1);
    const json = JSON.stringify(blocks);
    expect(json).toMatch(
      /cluster \*[^*]+\* · namespace \*kube-system\* · planner builtin · \d+(\.\d+)? m?s · request `([0-9a-f]{8})`/,
    );
    const requestId = /request `([0-9a-f]{8})`/.exec(json)![1];
    expect(JSON.stringify(placeholder.blocks)).toContain(requestId);
    // The log line follows the final chat.update, so it may land a moment after the message does.
    await eventually(() =>
      harness.logs.some(
        (log) => log.fields.requestId === requestId && log.message === "slack question answered",
      ),
    );
    expect(json).toContain('"action_id":"k8s_refresh"');
    expect(json).toContain('"action_id":"k8s_details"');
    expect(slack.callsTo("chat.postMessage").every((call) => call.token === "xoxb-test-token")).toBe(true);
  });

  it.each([
    ["a bad signature", { signWith: "wrong-secret" }],
    ["a stale timestamp", { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
  ])("rejects %s with 401 and answers nothing", async (_, options) => {
    const channel = `C0BAD${Math.random().toString(36).slice(2, 8)}`;
    const body = commandForm({
      text: "pods in shop",
      channel,
      responseUrl: harness.slack.responseUrl("bad"),
    });
    const response = await postSigned(harness.eventsUrl, SIGNING_SECRET, body, {
      contentType: "application/x-www-form-urlencoded",
      ...options,
    });
    expect(response.status).toBe(401);
    // A positive signal instead of a sleep: a valid command sent after it is answered, and by then the rejected
    // one would have been too, had it reached a listener.
    const after = `${channel}OK`;
    await sendCommand(harness, "pods in shop", { channel: after, id: `${after}-id` });
    await handlerFinished(() => harness.logs, after);
    expect(harness.slack.calls.some((call) => call.params.channel === channel)).toBe(false);
    expect(responses(harness.slack, "bad")).toHaveLength(0);
  });

  it("answers a mention in the mention's thread", async () => {
    const event = mentionEvent("services in payments", { channel: "C0INCIDENT" });
    expect((await sendEvent(harness, event)).status).toBe(200);
    const message = await eventually(() => answeredIn(harness.slack, "C0INCIDENT", "payments"));
    expect(message.thread_ts).toBe(event.ts);
  });

  it("answers a DM without a prefix, and ignores bot messages and edits", async () => {
    await sendEvent(
      harness,
      directMessageEvent("deployments in shop", { bot_id: "B0OTHER", channel: "D0BOTS" }),
    );
    await sendEvent(
      harness,
      directMessageEvent("deployments in shop", { subtype: "message_changed", channel: "D0EDITS" }),
    );
    await sendEvent(harness, directMessageEvent("deployments in shop", { channel: "D0ALICE" }));
    const message = await eventually(() => answeredIn(harness.slack, "D0ALICE", "checkout"));
    expect(message.thread_ts).toBeUndefined();
    const touched = new Set(harness.slack.calls.map((call) => call.params.channel));
    expect(touched.has("D0BOTS") || touched.has("D0EDITS")).toBe(false);
  });

  it.each([
    ["/k8s", "", "help-empty"],
    ["/k8s help", "help", "help-en"],
    ["/k8s 帮助", "帮助", "help-zh"],
  ])("%s shows usage with English and Chinese examples, privately", async (_, text, id) => {
    await sendCommand(harness, text, { id });
    const [reply] = await eventually(
      () => responses(harness.slack, id).length > 0 && responses(harness.slack, id),
    );
    expect(reply.params.response_type).toBe("ephemeral");
    const json = JSON.stringify(reply.params.blocks);
    expect(json).toContain("/k8s pods in payments");
    expect(json).toContain("查看 kube-system 命名空间中的服务");
  });

  it("an empty mention gets the usage as an ephemeral message in the thread", async () => {
    const event = mentionEvent("", { channel: "C0HELP" });
    await sendEvent(harness, event);
    const [call] = await eventually(() => {
      const calls = harness.slack.callsTo("chat.postEphemeral").filter((c) => c.params.channel === "C0HELP");
      return calls.length > 0 && calls;
    });
    expect(call.params).toMatchObject({ user: "U0ALICE", thread_ts: event.ts });
    expect(JSON.stringify(call.params.blocks)).toContain("/k8s top nodes by memory");
  });

  it("answers a retried event once (X-Slack-Retry-Num and the same event_id)", async () => {
    const event = mentionEvent("configmaps in payments", { channel: "C0RETRY" });
    await sendEvent(harness, event, { eventId: "EvRETRY1" });
    await sendEvent(harness, event, { eventId: "EvRETRY1", retryNum: 1 });
    await sendEvent(harness, event, { eventId: "EvRETRY1", retryNum: 2 });
    await eventually(() => answeredIn(harness.slack, "C0RETRY", "payments"));
    // Terminal signals: both retries were seen and dropped, and the one answer's flow has ended.
    await eventually(
      () =>
        harness.logs.filter(
          (log) => log.message === "duplicate Slack delivery ignored" && log.fields.channel === "C0RETRY",
        ).length === 2,
    );
    await handlerFinished(() => harness.logs, "C0RETRY");
    const posts = harness.slack
      .callsTo("chat.postMessage")
      .filter((call) => call.params.channel === "C0RETRY");
    expect(posts).toHaveLength(1);
    expect(harness.logs.filter((log) => log.message === "duplicate Slack delivery ignored")).toHaveLength(2);
  });

  it("waits out Slack's 429 (Retry-After) and still delivers the answer", async () => {
    const { slack } = harness;
    slack.failNext("chat.update", { status: 429, retryAfter: 1, times: 1 });
    const before = slack.callsTo("chat.update").length;
    await sendCommand(harness, "nodes", { channel: "C0LIMITED" });
    const message = await eventually(() => answeredIn(harness.slack, "C0LIMITED", "NAME"));
    const updates = slack
      .callsTo("chat.update")
      .slice(before)
      .filter((call) => call.params.ts === message.ts);
    // The first update got 429; the client waited and sent it again.
    expect(updates.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(updates[0].params)).toEqual(JSON.stringify(updates[1].params));
  });
});
