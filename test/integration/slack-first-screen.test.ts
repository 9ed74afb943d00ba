import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandPayload, eventEnvelope, mentionEvent } from "../fakes/slack-payloads.js";
import { startTestStack, type TestStack } from "../helpers/answer-service.js";
import {
  answeredIn,
  answeredMessages,
  buttonValue,
  clickInMode,
  eventually,
  type SlackHarness,
  sendCommand,
  sendEvent,
  startSlackHarness,
} from "./slack-harness.js";

type Block = { type: string; block_id?: string; text?: { text: string }; elements?: unknown[] };

const actionIdsOf = (blocks: Block[] | undefined) =>
  (blocks ?? []).flatMap((block) =>
    block.type === "actions" ? (block.elements as { action_id: string }[]).map((e) => e.action_id) : [],
  );

/**
 * Issue 15 §2 through the real Bolt app, over HTTP and over Socket Mode: the first screen of a diagnosis
 * holds the cause, tables read on a phone, Details shows describe, events and logs of what is unhealthy.
 */
describe.each(["http", "socket"] as const)("the first screen over %s", (mode) => {
  let stack: TestStack;
  let harness: SlackHarness;
  beforeAll(async () => {
    stack = await startTestStack();
    harness = await startSlackHarness({ mode, sharedStack: stack });
  });
  afterAll(async () => {
    expect(harness.slack.violations).toEqual([]);
    await harness?.close();
    await stack?.close();
  });

  const command = async (text: string, channel: string) => {
    if (mode === "http") await sendCommand(harness, text, { channel });
    else
      await harness.socket!.send(
        "slash_commands",
        commandPayload({ text, channel, responseUrl: harness.slack.responseUrl(`c-${channel}`) }),
      );
  };
  const mention = async (text: string, channel: string) => {
    const event = mentionEvent(text, { channel });
    if (mode === "http") await sendEvent(harness, event);
    else await harness.socket!.send("events_api", eventEnvelope(event));
  };
  const click = (message: ReturnType<typeof answeredMessages>[number], actionId: string) =>
    clickInMode(harness, message, actionId, `click-${actionId}-${message.ts}`);

  it("answers 'why is checkout crashing?' with the cause on the first screen and in the notification", async () => {
    const channel = `C0WHY${mode.toUpperCase()}`;
    await command("why is checkout crashing in shop?", channel);
    const message = await eventually(() => answeredIn(harness.slack, channel));
    const blocks = message.blocks as Block[];
    const cause = blocks.find((block) => block.block_id === "cause")?.text?.text ?? "";
    expect(cause).toContain(":red_circle: *Critical*");
    expect(cause).toMatch(/\*Pod shop\/checkout-[a-z0-9]+-[a-z0-9]+\* · CrashLoopBackOff/);
    expect(cause).toContain("*Last error lines*\n> ");
    expect(cause).toContain("> TypeError: Cannot read properties of undefined (reading 'toUpperCase')");
    expect(cause).toContain("*Terminated*\n> terminated Error exit 1");
    expect(cause).toContain("*Warning event*\n> BackOff: Back-off restarting failed container checkout");
    expect(message.text).toMatch(
      /^Critical: Pod shop\/checkout-\S+ CrashLoopBackOff: TypeError: Cannot read/,
    );
    // Already a diagnosis: no Diagnose; the crashed container's logs are one click away.
    expect(actionIdsOf(blocks)).toEqual(["k8s_refresh", "k8s_details", "k8s_logs"]);
    const how = blocks.find((block) => block.block_id === "how");
    expect(JSON.stringify(how)).toContain("How I answered:");
    expect(JSON.stringify(how)).toContain("diagnose");
  });

  it("Logs posts the crashed container's previous log in the answer's thread", async () => {
    const channel = `C0LOGS${mode.toUpperCase()}`;
    await command("why is checkout crashing in shop?", channel);
    const message = await eventually(() => answeredIn(harness.slack, channel, "k8s_logs"));
    await click(message, "k8s_logs");
    const logs = await eventually(() =>
      answeredMessages(harness.slack).find(
        (m) => m.channel === channel && m.thread_ts === message.ts && JSON.stringify(m).includes("TypeError"),
      ),
    );
    expect(JSON.stringify(logs.blocks)).toContain("get_pod_logs");
  });

  it("Details shows describe, events and logs of the unhealthy pod, and the calls under How I answered", async () => {
    const channel = `C0DETAILS${mode.toUpperCase()}`;
    await command("why is checkout crashing in shop?", channel);
    const message = await eventually(() => answeredIn(harness.slack, channel));
    await click(message, "k8s_details");
    await eventually(() =>
      harness.logs.some(
        (log) =>
          log.message === "slack details posted" &&
          log.fields.requestId === JSON.parse(buttonValue(message, "k8s_details")).id,
      ),
    );
    const thread = harness.slack
      .callsTo("chat.postMessage")
      .filter((call) => call.params.channel === channel && call.params.thread_ts === message.ts);
    const text = JSON.stringify(thread.map((call) => call.params.blocks));
    const uploads = [...harness.slack.uploads.values()].filter((u) => u.channel === channel);
    const everything = text + uploads.map((upload) => upload.bytes.toString()).join("\n");
    // describe of the pod (its containers and state), its events, and its previous log.
    expect(everything).toMatch(/CrashLoopBackOff/);
    expect(everything).toMatch(/Back-off restarting failed container/);
    expect(everything).toContain("TypeError: Cannot read properties of undefined");
    expect(text).toContain("How I answered:");
    expect(text).toContain("describe_resource");
    expect(thread.at(-1)?.params.text).toBe("How I answered");
  });

  it("lists pods with NAME and STATUS first, the unhealthy ones first with a count, at most 5 columns", async () => {
    const channel = `C0PODS${mode.toUpperCase()}`;
    await mention("pods in shop", channel);
    const message = await eventually(() => answeredIn(harness.slack, channel));
    const table = (message.blocks ?? []).find((block) => block.type === "table") as {
      rows: { type: string; text?: string; elements?: { elements: { text: string }[] }[] }[][];
      column_settings: { align: string; is_wrapped?: boolean }[];
    };
    const header = table.rows[0].map((cell) => cell.elements![0].elements[0].text);
    expect(header).toEqual(["NAME", "STATUS", "READY", "RESTARTS", "AGE"]);
    const statuses = table.rows.slice(1).map((row) => row[1].text);
    expect(statuses.slice(0, 2)).toEqual(expect.arrayContaining(["ImagePullBackOff", "CrashLoopBackOff"]));
    expect(statuses.at(-1)).toBe("Running");
    expect(table.column_settings[0]).toEqual({ align: "left", is_wrapped: true });
    expect(table.column_settings[3]).toEqual({ align: "right" });
    expect(JSON.stringify(message.blocks)).toMatch(/9 rows · 3 need attention, shown first/);
  });

  it("shows the cluster overview as fields, and a Chinese question gets Chinese headings", async () => {
    const channel = `C0OVERVIEW${mode.toUpperCase()}`;
    await mention("cluster overview", channel);
    const message = await eventually(() => answeredIn(harness.slack, channel));
    const fields = (message.blocks ?? []).find((block) => Array.isArray(block.fields));
    expect(JSON.stringify(fields)).toContain("*Nodes ready*\\n3/4");
    const zhChannel = `C0ZHPODS${mode.toUpperCase()}`;
    await mention("shop 命名空间的 pod", zhChannel);
    const zh = await eventually(() => answeredIn(harness.slack, zhChannel));
    const json = JSON.stringify(zh.blocks);
    for (const heading of ["名称", "状态", "就绪", "重启次数"]) expect(json).toContain(`"text":"${heading}"`);
    expect(json).toContain("行需要关注");
  });
});
