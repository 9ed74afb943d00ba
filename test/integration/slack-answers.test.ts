import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channelScopesFrom } from "../../src/config/channels.js";
import { directMessageEvent, mentionEvent } from "../fakes/slack-payloads.js";
import { startTestStack, type TestStack } from "../helpers/answer-service.js";
import { question } from "../helpers/question.js";
import {
  answeredIn,
  answeredMessages,
  clickButton,
  eventually,
  responses,
  type SlackHarness,
  sendCommand,
  sendEvent,
  startSlackHarness,
} from "./slack-harness.js";

/** Refusals, errors, buttons, scope and rate limits through the real Bolt app and pipeline. */
describe("Slack answers, refusals and buttons", () => {
  let stack: TestStack;
  let harness: SlackHarness;
  beforeAll(async () => {
    stack = await startTestStack();
    harness = await startSlackHarness({
      mode: "http",
      sharedStack: stack,
      channels: channelScopesFrom({ C0PAYONLY: { namespaces: ["payments"] } }),
    });
  });
  afterAll(async () => {
    expect(harness.slack.violations).toEqual([]);
    await harness?.close();
    await stack?.close();
  });

  const reply = (id: string) => eventually(() => responses(harness.slack, id)[0]);

  it("refuses a write privately with the request id, with no public placeholder at any point", async () => {
    await sendCommand(harness, "delete pod coredns in kube-system", { channel: "C0REFUSE", id: "refuse" });
    const { params } = await reply("refuse");
    expect(params.response_type).toBe("ephemeral");
    const text = JSON.stringify(params.blocks);
    expect(text).toContain("read-only");
    const requestId = /request `([0-9a-f]{8})`/.exec(text)![1];
    expect(
      harness.logs.some((log) => log.fields.requestId === requestId && log.fields.outcome === "refusal"),
    ).toBe(true);
    // The policy refuses before planning: nothing was ever posted in the channel.
    expect([...harness.slack.messages.values()].some((m) => m.channel === "C0REFUSE")).toBe(false);
    expect(answeredIn(harness.slack, "C0REFUSE")).toBeUndefined();
  });

  it("refuses in Chinese to a Chinese mention, as an ephemeral message", async () => {
    await sendEvent(harness, mentionEvent("删除 kube-system 中的 pod", { channel: "C0ZH" }));
    const call = await eventually(() =>
      harness.slack.callsTo("chat.postEphemeral").find((c) => c.params.channel === "C0ZH"),
    );
    expect(JSON.stringify(call.params.blocks)).toContain("只读");
    expect(JSON.stringify(call.params.blocks)).toContain("无法执行");
  });

  it("in a DM a refusal simply replaces the placeholder (the conversation is private already)", async () => {
    await sendEvent(
      harness,
      directMessageEvent("scale deployment checkout in shop to 0", { channel: "D0REFUSE" }),
    );
    const message = await eventually(() =>
      [...harness.slack.messages.values()].find(
        (m) => m.channel === "D0REFUSE" && JSON.stringify(m.blocks).includes(":no_entry:"),
      ),
    );
    expect(message.deleted).toBeUndefined();
    expect(harness.slack.callsTo("chat.postEphemeral").some((c) => c.params.channel === "D0REFUSE")).toBe(
      false,
    );
  });

  it("reports a cluster that cannot be reached, privately, with the error code", async () => {
    stack.cluster.faults.set({ dropConnection: true });
    try {
      await sendCommand(harness, "services in payments", { channel: "C0DOWN", id: "down" });
      const { params } = await reply("down");
      expect(params.response_type).toBe("ephemeral");
      expect(JSON.stringify(params.blocks)).toContain("`unreachable`");
      expect(JSON.stringify(params.blocks)).toContain("Could not answer");
    } finally {
      stack.cluster.faults.clear();
    }
  });

  it("answers through response_url in a channel the bot was never invited to", async () => {
    harness.slack.failNext("chat.postMessage", { error: "not_in_channel" });
    await sendCommand(harness, "daemonsets in kube-system", { channel: "C0NOTIN", id: "notin" });
    const { params } = await reply("notin");
    expect(params.response_type).toBe("in_channel");
    expect(JSON.stringify(params.blocks)).toContain("k8s_refresh");
  });

  it("keeps a channel to its namespaces", async () => {
    await sendCommand(harness, "pods in kube-system", { channel: "C0PAYONLY", id: "scope" });
    expect(JSON.stringify((await reply("scope")).params.blocks)).toContain("`out_of_scope`");
    await sendCommand(harness, "pods", { channel: "C0PAYONLY" });
    const message = await eventually(() => answeredIn(harness.slack, "C0PAYONLY", "ledger"));
    expect(JSON.stringify(message.blocks)).not.toContain("coredns");
  });

  it("says an answer is cached, and Refresh replaces it with a fresh one in place", async () => {
    await sendCommand(harness, "pods in payments", { channel: "C0CACHE1" });
    await eventually(() => answeredIn(harness.slack, "C0CACHE1", "ledger"));
    await sendCommand(harness, "pods in payments", { channel: "C0CACHE2" });
    const cached = await eventually(() => answeredIn(harness.slack, "C0CACHE2", "ledger"));
    expect(JSON.stringify(cached.blocks)).toMatch(/cached \d+ s ago/);
    const listsBefore = stack.cluster.requests.filter((r) =>
      r.path.endsWith("/namespaces/payments/pods"),
    ).length;
    await clickButton(harness, cached, "k8s_refresh");
    await eventually(() => cached.versions.length > 2 && !JSON.stringify(cached.blocks).includes("cached"));
    const listsAfter = stack.cluster.requests.filter((r) =>
      r.path.endsWith("/namespaces/payments/pods"),
    ).length;
    expect(listsAfter).toBeGreaterThan(listsBefore);
    expect(harness.slack.callsTo("chat.update").at(-1)?.params.ts).toBe(cached.ts);
  });

  it("Diagnose answers in the message's thread with findings", async () => {
    await sendCommand(harness, "pods in shop", { channel: "C0SHOP" });
    const listing = await eventually(() => answeredIn(harness.slack, "C0SHOP", "checkout"));
    await clickButton(harness, listing, "k8s_diagnose");
    const diagnosis = await eventually(() =>
      answeredMessages(harness.slack).find(
        (m) => m.thread_ts === listing.ts && JSON.stringify(m.blocks).includes("CrashLoopBackOff"),
      ),
    );
    expect(diagnosis.channel).toBe("C0SHOP");
  });

  it("Details posts every finding with its evidence in the thread", async () => {
    await sendCommand(harness, "why is checkout crashing in shop", { channel: "C0WHY" });
    const answer = await eventually(() => answeredIn(harness.slack, "C0WHY", "CrashLoopBackOff"));
    await clickButton(harness, answer, "k8s_details");
    const thread = await eventually(() => {
      const replies = [...harness.slack.messages.values()].filter((m) => m.thread_ts === answer.ts);
      return (
        replies.some(
          (m) => JSON.stringify(m.blocks).includes("get_") || JSON.stringify(m.blocks).includes("diagnose"),
        ) && replies
      );
    });
    const text = thread.map((m) => JSON.stringify(m.blocks)).join("");
    // The channel message shows one evidence line per finding; the thread shows them all.
    expect(text).toContain("\\n> last state: terminated Error exit 1");
    expect(text).toContain("\\n> previous log:");
    expect(JSON.stringify(answer.blocks)).not.toContain("> previous log:");
  });

  it("Details of a log uploads the whole log as a file into the thread", async () => {
    const pods = await stack.answers.answer(question("pods in shop"));
    const table = pods.parts.find((part) => part.type === "table");
    const crashing =
      table?.type === "table" ? table.rows.find((row) => row[2] === "CrashLoopBackOff") : undefined;
    await sendCommand(harness, `logs of ${crashing?.[0]} in shop`, { channel: "C0LOGS" });
    const answer = await eventually(() => answeredIn(harness.slack, "C0LOGS"));
    await clickButton(harness, answer, "k8s_details");
    const upload = await eventually(() =>
      [...harness.slack.uploads.values()].find((u) => u.completed && u.channel === "C0LOGS"),
    );
    expect(upload.thread_ts).toBe(answer.ts);
    expect(upload.filename).toMatch(/\.log$/);
    expect(upload.bytes.length).toBeGreaterThan(0);
    expect(harness.slack.callsTo("files.getUploadURLExternal").length).toBeGreaterThan(0);
  });
});

describe("the rate limits", () => {
  let harness: SlackHarness;
  beforeAll(async () => {
    harness = await startSlackHarness({ mode: "http", userPerMinute: 2, channelPerMinute: 3 });
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("answers two questions a minute, then asks the user to slow down in both languages", async () => {
    for (const id of ["r1", "r2", "r3"]) await sendCommand(harness, "nodes", { user: "U0FAST", id });
    const { params } = await eventually(() => responses(harness.slack, "r3")[0]);
    expect(params.response_type).toBe("ephemeral");
    expect(JSON.stringify(params.blocks)).toMatch(/please wait \d+ s/);
    expect(JSON.stringify(params.blocks)).toContain("提问太快了");
    await eventually(() => answeredMessages(harness.slack).length === 2);
  });

  it("a busy channel is limited too, whoever asks", async () => {
    for (const [user, id] of [
      ["U0A", "c1"],
      ["U0B", "c2"],
      ["U0C", "c3"],
      ["U0D", "c4"],
    ]) {
      await sendCommand(harness, "nodes", { user, id, channel: "C0BUSY" });
    }
    const { params } = await eventually(() => responses(harness.slack, "c4")[0]);
    expect(JSON.stringify(params.blocks)).toMatch(/please wait \d+ s/);
    expect(responses(harness.slack, "c3")).toEqual([]);
  });
});
