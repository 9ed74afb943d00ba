import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channelScopesFrom } from "../../src/config/channels.js";
import { eventEnvelope, mentionEvent } from "../fakes/slack-payloads.js";
import {
  answeredIn,
  commandInMode,
  eventually,
  responses,
  type SlackHarness,
  sendEvent,
  startSlackHarness,
} from "./slack-harness.js";

/** Issue 15 §5 through the real Bolt app over HTTP and Socket Mode: App Home, the intro, scoped help. */
describe.each(["http", "socket"] as const)("onboarding in Slack (%s)", (mode) => {
  let harness: SlackHarness;
  const payments = `C0PAYHOME${mode}`;
  beforeAll(async () => {
    harness = await startSlackHarness({
      mode,
      channels: channelScopesFrom({
        [payments]: { namespaces: ["payments", "payments-canary"], defaultNamespace: "payments" },
        default: { namespaces: ["default"] },
      }),
    });
  });
  afterAll(async () => {
    expect(harness.slack.violations).toEqual([]);
    await harness?.close();
  });

  async function event(body: Record<string, unknown>, eventId?: string) {
    if (mode === "http") await sendEvent(harness, body, { eventId });
    else await harness.socket!.send("events_api", eventEnvelope(body, eventId));
  }

  const command = (text: string, channel: string, responseId: string) =>
    commandInMode(harness, text, channel, responseId);

  it("posts a short intro with the channel's own examples when invited, once, and not for other members", async () => {
    const bot = harness.slack.botUserId;
    await event({ type: "member_joined_channel", user: "U0SOMEONE", channel: payments, channel_type: "C" });
    const joined = { type: "member_joined_channel", user: bot, channel: payments, channel_type: "C" };
    await event(joined, `Ev-join-${mode}`);
    await event(joined, `Ev-join-${mode}`); // Slack's retry of the same delivery
    // Both deliveries handled: the intro posted, the retry recognised (no fixed sleep).
    await eventually(() => harness.logs.some((log) => log.message === "slack intro posted"));
    await eventually(() =>
      harness.logs.some(
        (log) =>
          log.message === "duplicate Slack delivery ignored" && log.fields.deliveryId === `Ev-join-${mode}`,
      ),
    );
    const intros = harness.slack
      .callsTo("chat.postMessage")
      .filter(
        (call) => call.params.channel === payments && String(call.params.text).includes("K8Helper is here"),
      );
    expect(intros).toHaveLength(1);
    const text = JSON.stringify(intros[0].params.blocks);
    expect(text).toContain("`payments`, `payments-canary`");
    expect(text).toContain("/k8s what's wrong in payments?");
    expect(text).toContain("你好");
  });

  it("/k8s help shows examples for the channel's scope and what it may see", async () => {
    await command("help", payments, `help-${mode}`);
    const reply = await eventually(() => responses(harness.slack, `help-${mode}`)[0]);
    expect(reply.params.response_type).toBe("ephemeral");
    const text = JSON.stringify(reply.params.blocks);
    expect(text).toContain("/k8s pods in payments");
    expect(text).toContain("Here I can see: `payments`, `payments-canary`");
    expect(text).toContain("这里可以查看");
    expect(text).not.toContain("kube-system");
  });

  it("publishes the App Home: what it can do, examples in both languages, scopes, the user's recent questions", async () => {
    const user = `U0HOME${mode}`;
    await event(mentionEvent("pods", { channel: payments, user }));
    await eventually(() => answeredIn(harness.slack, payments, "ledger"));
    await eventually(() =>
      harness.logs.some((log) => log.message === "slack question answered" && log.fields.user === user),
    );
    await event({ type: "app_home_opened", user, channel: "D0HOME", tab: "home" });
    const publish = await eventually(() =>
      harness.slack.callsTo("views.publish").find((call) => call.params.user_id === user),
    );
    const view = JSON.stringify(publish.params.view);
    expect(view).toContain('"type":"home"');
    expect(view).toContain("read-only questions");
    expect(view).toContain("为什么 payments 里的 pod 一直重启");
    expect(view).toContain(`\`${payments}\`: \`payments\`, \`payments-canary\``);
    expect(view).toContain("other channels / 其他频道: `default`");
    expect(view).toContain("Your recent questions");
    expect(view).toContain("• `pods`");
  });
});
