import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  answeredMessages,
  clickButton,
  eventually,
  type SlackHarness,
  sendCommand,
  startSlackHarness,
} from "./slack-harness.js";

/** 10,000 pods on the simulated cluster: the message stays within Slack's limits, the thread gets every row. */
describe("a 10,000-row answer in Slack", () => {
  let harness: SlackHarness;
  beforeAll(async () => {
    // The answer-size cap (256 KiB by default) would cut 10,000 rows; this test is about Slack's limits, so it is raised.
    harness = await startSlackHarness({
      mode: "http",
      stack: { cluster: { pods: 10_000 }, env: { K8HELPER_MAX_ANSWER_BYTES: String(8 * 1024 * 1024) } },
    });
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("shows the first rows within every limit and puts all of them in a file in the thread", async () => {
    const { slack } = harness;
    await sendCommand(harness, "pods in all namespaces");
    const message = await eventually(() => answeredMessages(slack)[0], 60_000);
    const json = JSON.stringify(message.blocks);
    const total = Number(/Showing 20 of ([\d,]+) rows/.exec(json)![1].replace(/,/g, ""));
    expect(total).toBeGreaterThan(10_000);
    expect(json).toContain("more rows in thread (Details)");
    expect(json.length).toBeLessThanOrEqual(12_000);

    await clickButton(harness, message, "k8s_details");
    const upload = await eventually(() => [...slack.uploads.values()].find((u) => u.completed), 60_000);
    expect(upload.thread_ts).toBe(message.ts);
    const lines = upload.bytes.toString("utf8").trimEnd().split("\n");
    expect(lines).toHaveLength(total + 1);
    // NAME leads each line (NAME and STATUS come first).
    expect(lines.filter((line) => /(^|\s)svc-/.test(line)).length).toBeGreaterThanOrEqual(10_000);
    const complete = slack.callsTo("files.completeUploadExternal")[0].params;
    expect(complete).toMatchObject({ channel_id: message.channel, thread_ts: message.ts });
    expect(slack.violations).toEqual([]);
  });
});
