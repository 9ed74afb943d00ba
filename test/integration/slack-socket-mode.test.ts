import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonClickPayload, commandPayload, eventEnvelope, mentionEvent } from "../fakes/slack-payloads.js";
import { handlerFinished } from "../helpers/slack-handlers.js";
import {
  answeredIn,
  buttonValue,
  eventually,
  responses,
  type SlackHarness,
  startSlackHarness,
} from "./slack-harness.js";

/** The real Bolt app in Socket Mode: apps.connections.open on the fake Web API, envelopes over a local WebSocket. */
describe("the Slack bot in Socket Mode", () => {
  let harness: SlackHarness;
  beforeAll(async () => {
    harness = await startSlackHarness({ mode: "socket" });
  });
  afterAll(async () => {
    expect(harness.slack.violations).toEqual([]);
    await harness?.close();
  });

  it("opens the connection with the app token", () => {
    const [open] = harness.slack.callsTo("apps.connections.open");
    expect(open.token).toBe("xapp-test-token");
  });

  it("acks a slash command envelope and answers in the channel", async () => {
    const socket = harness.socket!;
    const payload = commandPayload({
      text: "pods in kube-system",
      channel: "C0SOCKET",
      responseUrl: harness.slack.responseUrl("s1"),
    });
    const ack = await socket.send("slash_commands", payload, { envelopeId: "env-command-1" });
    expect(ack.envelope_id).toBe("env-command-1");
    await eventually(() => answeredIn(harness.slack, "C0SOCKET", "coredns"));
  });

  it("answers /k8s help through the command's response_url", async () => {
    const payload = commandPayload({
      text: "help",
      channel: "C0SOCKHELP",
      responseUrl: harness.slack.responseUrl("sock-help"),
    });
    await harness.socket!.send("slash_commands", payload);
    const reply = await eventually(() => responses(harness.slack, "sock-help")[0]);
    expect(reply.params.response_type).toBe("ephemeral");
    expect(JSON.stringify(reply.params.blocks)).toContain("查看 kube-system 命名空间中的服务");
  });

  it("acks an events_api envelope and answers a mention in its thread", async () => {
    const event = mentionEvent("pods in shop", { channel: "C0SOCKMENTION" });
    const ack = await harness.socket!.send("events_api", eventEnvelope(event));
    expect(ack.envelope_id).toBeTruthy();
    const message = await eventually(() => answeredIn(harness.slack, "C0SOCKMENTION", "checkout"));
    expect(message.thread_ts).toBe(event.ts);
  });

  it("answers a redelivered envelope (retry_attempt) once", async () => {
    const envelope = eventEnvelope(
      mentionEvent("services in shop", { channel: "C0SOCKRETRY" }),
      "EvSOCKRETRY",
    );
    await harness.socket!.send("events_api", envelope);
    await harness.socket!.send("events_api", envelope, { retryAttempt: 1 });
    await eventually(() => answeredIn(harness.slack, "C0SOCKRETRY", "shop"));
    // Terminal signals: the redelivery was seen and dropped, and the one answer's flow has ended.
    await eventually(() =>
      harness.logs.some(
        (log) => log.message === "duplicate Slack delivery ignored" && log.fields.channel === "C0SOCKRETRY",
      ),
    );
    await handlerFinished(() => harness.logs, "C0SOCKRETRY");
    expect(
      harness.slack.callsTo("chat.postMessage").filter((c) => c.params.channel === "C0SOCKRETRY"),
    ).toHaveLength(1);
  });

  it("acks an interactive envelope: Refresh updates the message in place", async () => {
    await harness.socket!.send(
      "slash_commands",
      commandPayload({
        text: "nodes",
        channel: "C0SOCKREFRESH",
        responseUrl: harness.slack.responseUrl("s2"),
      }),
    );
    const message = await eventually(() => answeredIn(harness.slack, "C0SOCKREFRESH", "NAME"));
    const versions = message.versions.length;
    const click = buttonClickPayload({
      actionId: "k8s_refresh",
      value: buttonValue(message, "k8s_refresh"),
      channel: message.channel,
      messageTs: message.ts,
      responseUrl: harness.slack.responseUrl("s3"),
    });
    const ack = await harness.socket!.send("interactive", click);
    expect(ack.envelope_id).toBeTruthy();
    await eventually(() => message.versions.length > versions);
    expect(responses(harness.slack, "s3")).toHaveLength(0);
  });
});
