import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  answeredMessages,
  eventually,
  type SlackHarness,
  sendCommand,
  startSlackHarness,
} from "./slack-harness.js";

/** HTTP mode on the web server's port: /slack/events before the Express app's own routes, on one port. */
describe("the Slack bot on a shared port", () => {
  let harness: SlackHarness;
  beforeAll(async () => {
    harness = await startSlackHarness({ mode: "http", sharedServer: true });
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("serves /slack/events next to the app's routes and verifies signatures", async () => {
    const health = await fetch(harness.eventsUrl.replace("/slack/events", "/health"));
    expect(await health.json()).toEqual({ ok: true });
    expect(harness.bot.mode).toBe("http");
    const unsigned = await fetch(harness.eventsUrl, { method: "POST", body: "command=/k8s" });
    expect(unsigned.status).toBe(401);
    await sendCommand(harness, "namespaces");
    const [message] = await eventually(
      () => answeredMessages(harness.slack).length > 0 && answeredMessages(harness.slack),
    );
    expect(JSON.stringify(message.blocks)).toContain("kube-system");
    expect(harness.slack.violations).toEqual([]);
  });
});
