import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buttonClickPayload,
  eventEnvelope,
  interactiveForm,
  mentionEvent,
  postSigned,
} from "../fakes/slack-payloads.js";
import { handlerFinished } from "../helpers/slack-handlers.js";
import {
  answeredIn,
  buttonValue,
  commandInMode,
  eventually,
  isAnswered,
  responses,
  SIGNING_SECRET,
  type SlackHarness,
  sendEvent,
  startSlackHarness,
} from "./slack-harness.js";

/** Issue 15 §3: no dead ends, through the real Bolt app in both modes. */
describe.each(["http", "socket"] as const)("no dead ends in Slack (%s)", (mode) => {
  let harness: SlackHarness;
  beforeAll(async () => {
    harness = await startSlackHarness({ mode });
  });
  afterAll(async () => {
    expect(harness.slack.violations).toEqual([]);
    await harness?.close();
  });

  const command = (text: string, channel: string, responseId: string) =>
    commandInMode(harness, text, channel, responseId);

  async function event(body: Record<string, unknown>) {
    if (mode === "http") await sendEvent(harness, body);
    else await harness.socket!.send("events_api", eventEnvelope(body));
  }

  async function click(payload: Record<string, unknown>) {
    if (mode === "http")
      await postSigned(harness.eventsUrl, SIGNING_SECRET, interactiveForm(payload), {
        contentType: "application/x-www-form-urlencoded",
      });
    else await harness.socket!.send("interactive", payload);
  }

  it("/k8s help in a DM between two people answers through response_url (the bot is not in that DM)", async () => {
    const dm = `D0PEOPLE${mode}`;
    harness.slack.notMember.add(dm);
    await command("help", dm, `dm-help-${mode}`);
    const reply = await eventually(() => responses(harness.slack, `dm-help-${mode}`)[0]);
    expect(reply.params.response_type).toBe("ephemeral");
    expect(JSON.stringify(reply.params.blocks)).toContain("/k8s");
    expect(harness.slack.callsTo("chat.postMessage").some((call) => call.params.channel === dm)).toBe(false);
  });

  it("Details in a channel the bot is not in tells the clicker, privately, how to invite it", async () => {
    const channel = `C0LEFT${mode}`;
    await command("pods in kube-system", channel, `left-${mode}`);
    const answer = await eventually(() => answeredIn(harness.slack, channel, "coredns"));
    harness.slack.notMember.add(channel);
    await click(
      buttonClickPayload({
        actionId: "k8s_details",
        value: buttonValue(answer, "k8s_details"),
        channel,
        messageTs: answer.ts,
        responseUrl: harness.slack.responseUrl(`left-click-${mode}`),
      }),
    );
    const reply = await eventually(() => responses(harness.slack, `left-click-${mode}`)[0]);
    expect(reply.params.response_type).toBe("ephemeral");
    expect(String(reply.params.text)).toContain("/invite @K8Helper");
  });

  it("an edited mention updates the answer it got instead of posting a second one", async () => {
    const channel = `C0EDIT${mode}`;
    const mention = mentionEvent("pods in shop", { channel });
    await event(mention);
    const answer = await eventually(() => answeredIn(harness.slack, channel, "checkout"));
    const versions = answer.versions.length;
    await event({ ...mention, text: "<@UBOT> services in shop", edited: { user: "U0ALICE", ts: "1" } });
    // The positive signal: the same message now holds the answer to the edited question.
    await eventually(
      () =>
        answer.versions.length > versions &&
        JSON.stringify(answer.blocks).includes("recommendation") &&
        isAnswered(answer),
    );
    const answered = [...harness.slack.messages.values()].filter(
      (message) => message.channel === channel && isAnswered(message),
    );
    expect(answered).toHaveLength(1);
    expect(JSON.stringify(answer.versions.at(-1))).toMatch(/ClusterIP|services/i);
  });

  it("a refusal known before planning is answered privately from the start: no public placeholder", async () => {
    const channel = `C0NOPE${mode}`;
    await event(mentionEvent("delete pod checkout in shop", { channel }));
    await eventually(() =>
      harness.slack.callsTo("chat.postEphemeral").find((call) => call.params.channel === channel),
    );
    expect(harness.slack.callsTo("chat.postMessage").some((call) => call.params.channel === channel)).toBe(
      false,
    );
  });
});

/** Issue 15 §2 and §4 on the wire. */
describe.each(["http", "socket"] as const)("the first screen and Slack's budgets (%s)", (mode) => {
  let harness: SlackHarness;
  beforeAll(async () => {
    harness = await startSlackHarness({ mode });
  });
  afterAll(async () => {
    expect(harness.slack.violations).toEqual([]);
    await harness?.close();
  });

  const command = (text: string, channel: string, responseId: string) =>
    commandInMode(harness, text, channel, responseId);

  it("a /k8s answer in a channel starts with who asked what; all-namespace answers say so in words", async () => {
    const channel = `C0WHO${mode}`;
    await command("pods in all namespaces", channel, `who-${mode}`);
    // The unhealthy rows come first, so a crash-looping checkout pod is on the first screen.
    const answer = await eventually(() => answeredIn(harness.slack, channel, "checkout"));
    const first = answer.blocks![0] as { block_id?: string; elements?: { text: string }[] };
    expect(first.block_id).toBe("asker");
    expect(first.elements![0].text).toMatch(/^<@U0ALICE> asked: `pods in all namespaces`$/);
    expect(JSON.stringify(answer.blocks)).toContain("all namespaces");
    expect(JSON.stringify(answer.blocks)).not.toContain("namespace *\\\\**");
  });

  it("an answer within a second costs no progress edit: the placeholder is updated once, with the answer", async () => {
    const channel = `C0QUICK${mode}`;
    await command("namespaces", channel, `quick-${mode}`);
    const answer = await eventually(() => answeredIn(harness.slack, channel));
    await handlerFinished(() => harness.logs, channel);
    const ms = harness.logs.find(
      (log) => log.message === "slack question answered" && log.fields.channel === channel,
    )!.fields.ms as number;
    // Only meaningful when the answer was quick; on a loaded machine a slow answer may earn one progress edit.
    if (ms < 1_000) expect(answer.versions).toHaveLength(2);
    expect(answer.versions.length).toBeLessThanOrEqual(2 + Math.floor(ms / 1_000));
  });
});
