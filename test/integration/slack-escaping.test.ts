import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ScriptedServer, scripted } from "../fakes/llm-script.js";
import { startFakeOpenAiServer } from "../fakes/openai-server.js";
import {
  buttonClickPayload,
  commandForm,
  commandPayload,
  interactiveForm,
  postSigned,
} from "../fakes/slack-payloads.js";
import {
  answeredIn,
  buttonValue,
  eventually,
  responses,
  SIGNING_SECRET,
  type SlackHarness,
  sendCommand,
  startSlackHarness,
} from "./slack-harness.js";

/** An LLM summary steered by cluster text, as the red team planted it. */
const HOSTILE =
  "All fine. <!channel> <@U0ADMIN> please re-login: <https://evil.example/login|Slack SSO re-login>";

describe.each(["http", "socket"] as const)("issue 12 §4 through the real Bolt app (%s)", (mode) => {
  let llm: ScriptedServer;
  let harness: SlackHarness;
  beforeAll(async () => {
    llm = await startFakeOpenAiServer({ apiKey: "sk-escape" });
    harness = await startSlackHarness({
      mode,
      stack: {
        env: {
          K8HELPER_PLANNER: "openai",
          OPENAI_API_KEY: "sk-escape",
          OPENAI_BASE_URL: `${llm.url}/v1`,
          K8HELPER_ANSWER_TTL: "0",
        },
        overrides: { agent: undefined },
      },
    });
  });
  afterAll(async () => {
    await harness?.close();
    await llm?.close();
  });

  async function ask(text: string, channel: string, responseId: string) {
    if (mode === "http") return sendCommand(harness, text, { channel, id: responseId });
    const payload = commandPayload({ text, channel, responseUrl: harness.slack.responseUrl(responseId) });
    return harness.socket!.send("slash_commands", payload);
  }

  it("escapes the notification text as well as the blocks, and marks mrkdwn verbatim", async () => {
    llm.script(scripted.call("get_resources", { kind: "pods", namespace: "shop" }), scripted.text(HOSTILE));
    const channel = `C0ESC${mode}`;
    await ask("are the shop pods fine?", channel, `esc-${mode}`);
    const message = await eventually(() => answeredIn(harness.slack, channel));
    expect(message.text).toContain("&lt;!channel&gt;");
    expect(message.text).not.toContain("<!channel>");
    expect(message.text).not.toContain("<https://evil.example");
    // The fake flags live markup in any text, blocks or file comment, and mrkdwn without verbatim.
    expect(harness.slack.violations).toEqual([]);
  });

  it("puts a reference to the stored answer in the buttons, never the question", async () => {
    const channel = `C0ESC${mode}`;
    const message = answeredIn(harness.slack, channel)!;
    for (const action of ["k8s_refresh", "k8s_details"]) {
      const value = buttonValue(message, action);
      expect(value).not.toContain("shop pods fine");
      expect(JSON.parse(value)).toMatchObject({ id: expect.any(String) });
    }
  });

  it("a button whose reference belongs to another channel reads nothing and says so privately", async () => {
    const source = answeredIn(harness.slack, `C0ESC${mode}`)!;
    const before = harness.stack.cluster.requests.length;
    const payload = buttonClickPayload({
      actionId: "k8s_refresh",
      value: buttonValue(source, "k8s_refresh"),
      channel: `C0OTHER${mode}`,
      messageTs: source.ts,
      responseUrl: harness.slack.responseUrl(`forged-${mode}`),
    });
    if (mode === "http")
      await postSigned(harness.eventsUrl, SIGNING_SECRET, interactiveForm(payload), {
        contentType: "application/x-www-form-urlencoded",
      });
    else await harness.socket!.send("interactive", payload);
    const reply = await eventually(() => responses(harness.slack, `forged-${mode}`)[0]);
    expect(reply.params.response_type).toBe("ephemeral");
    expect(String(reply.params.text)).toContain("ask again");
    expect(harness.stack.cluster.requests.length).toBe(before);
  });
});

describe("request timestamps (HTTP mode)", () => {
  let harness: SlackHarness;
  beforeAll(async () => {
    harness = await startSlackHarness({ mode: "http" });
  });
  afterAll(async () => {
    await harness?.close();
  });

  const form = (id: string) =>
    commandForm({
      text: "pods in kube-system",
      channel: "C0TIME",
      responseUrl: harness.slack.responseUrl(id),
    });
  const now = () => Math.floor(Date.now() / 1000);

  it.each([
    ["6 minutes in the future", 6 * 60],
    ["an hour in the future", 3_600],
    ["6 minutes in the past", -6 * 60],
  ])("rejects a correctly signed request dated %s", async (_, offset) => {
    const response = await postSigned(harness.eventsUrl, SIGNING_SECRET, form(`t${offset}`), {
      contentType: "application/x-www-form-urlencoded",
      timestamp: now() + offset,
    });
    expect(response.status).toBe(401);
  });

  it("accepts one a minute ahead (clock skew within Slack's window), and nothing else was answered", async () => {
    const response = await postSigned(harness.eventsUrl, SIGNING_SECRET, form("t-ok"), {
      contentType: "application/x-www-form-urlencoded",
      timestamp: now() + 60,
    });
    expect(response.status).toBe(200);
    await eventually(() => answeredIn(harness.slack, "C0TIME", "coredns"));
    // The one accepted command is the only one answered: the rejected ones never reached a listener.
    expect(
      harness.slack.callsTo("chat.postMessage").filter((call) => call.params.channel === "C0TIME"),
    ).toHaveLength(1);
  });
});
