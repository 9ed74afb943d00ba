import { readFileSync } from "node:fs";
import { webApi } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryRateLimiter } from "../../src/adapters/cache/memory-rate-limiter.js";
import { parseAlertRoutes } from "../../src/config/alert-routes.js";
import { silentLogger } from "../../src/core/ports.js";
import { slackAlertDelivery } from "../../src/frontends/alerts/alert-delivery.js";
import { alertGroupSchema } from "../../src/frontends/alerts/alert-payload.js";
import { type AlertPosterDeps, handleAlertGroup } from "../../src/frontends/alerts/alert-poster.js";
import type { PostedMessage } from "../fakes/slack-api-server.js";
import { buttonClickPayload, interactiveForm, postSigned } from "../fakes/slack-payloads.js";
import {
  buttonValue,
  clickButton,
  eventually,
  responses,
  SIGNING_SECRET,
  type SlackHarness,
  startSlackHarness,
} from "./slack-harness.js";

const CHANNEL = "C0ALERTS";
let harness: SlackHarness;
let poster: AlertPosterDeps;
let checkout: string;

beforeAll(async () => {
  harness = await startSlackHarness({ mode: "http" });
  const cluster = harness.stack.container.clusters.get();
  const podType = (await cluster.resourceTypes()).find((t) => t.plural === "pods" && t.group === "")!;
  checkout = (await cluster.list(podType, { namespace: "shop" })).find((p) =>
    p.metadata.name.startsWith("checkout-"),
  )!.metadata.name;
  // The poster and the Bolt app share one cache, as they share Redis (or the process) in the real service.
  poster = {
    answers: harness.stack.answers,
    routes: parseAlertRoutes(`default: ${CHANNEL}\n`, "routes.yaml"),
    scopes: harness.deps.channels,
    cache: harness.deps.dedup,
    rateLimiter: createMemoryRateLimiter(),
    investigationsPerMinute: 10,
    delivery: slackAlertDelivery(
      new webApi.WebClient("xoxb-test-token", { slackApiUrl: harness.slack.apiUrl }),
    ),
    clock: { now: () => Date.now() },
    logger: silentLogger,
  };
}, 60_000);
afterAll(async () => harness?.close());

function crashLoopGroup(fingerprint: string) {
  const fixture = JSON.parse(readFileSync("test/fixtures/alerts/crashloop-webhook.json", "utf8"));
  fixture.groupKey = `{}:{alertname="KubePodCrashLooping", fp="${fingerprint}"}`;
  fixture.alerts[0].labels.pod = checkout;
  fixture.alerts[0].fingerprint = fingerprint;
  fixture.alerts[0].startsAt = new Date(Date.now() - 5 * 60_000).toISOString();
  return alertGroupSchema.parse(fixture);
}

const alertMessage = (ts: string) => harness.slack.messages.get(ts)!;
const thread = (ts: string) => [...harness.slack.messages.values()].filter((m) => m.thread_ts === ts);
const elements = (message: PostedMessage) =>
  (message.blocks ?? [])
    .flatMap((b) => (b.elements as Record<string, string>[] | undefined) ?? [])
    .filter((e) => e.type === "button");

describe("the alert message's buttons, through the real Bolt app", () => {
  it("carry a reference to the stored alert, and Silence prefills the alert's own matchers", async () => {
    const outcome = await handleAlertGroup(poster, crashLoopGroup("a1b2c3d4e5f60001"));
    const message = alertMessage(outcome.ts!);
    const ids = elements(message).map((e) => e.action_id);
    expect(ids).toEqual(["alert_refresh", "alert_logs", "alert_silence", "alert_source"]);
    for (const id of ["alert_refresh", "alert_logs"]) {
      const value = buttonValue(message, id);
      expect(JSON.parse(value)).toEqual({ id: expect.stringMatching(/^alert-[0-9a-f]{32}$/) });
      expect(value).not.toContain(checkout);
    }
    const silence = decodeURIComponent(elements(message).find((e) => e.action_id === "alert_silence")!.url);
    expect(silence).toContain("http://alertmanager.example:9093/#/silences/new?filter={");
    expect(silence).toContain(`alertname="KubePodCrashLooping"`);
    expect(silence).toContain(`pod="${checkout}"`);
    expect(silence).toContain(`container="checkout"`);
  });

  it("Refresh runs the investigation again and edits the investigation in the thread", async () => {
    const outcome = await handleAlertGroup(poster, crashLoopGroup("a1b2c3d4e5f60002"));
    const [investigation] = await eventually(() => thread(outcome.ts!).length === 1 && thread(outcome.ts!));
    expect(investigation.versions).toHaveLength(1);
    await clickButton(harness, alertMessage(outcome.ts!), "alert_refresh");
    await eventually(() => investigation.versions.length === 2);
    expect(JSON.stringify(investigation.blocks)).toContain("refreshed at");
    expect(JSON.stringify(investigation.blocks)).toContain("CrashLoopBackOff");
    expect(thread(outcome.ts!)).toHaveLength(1);
    expect(harness.slack.violations).toEqual([]);
  });

  it("Logs posts the failing container's previous log in the thread", async () => {
    const outcome = await handleAlertGroup(poster, crashLoopGroup("a1b2c3d4e5f60003"));
    await eventually(() => thread(outcome.ts!).length === 1);
    await clickButton(harness, alertMessage(outcome.ts!), "alert_logs");
    const [, logs] = await eventually(() => thread(outcome.ts!).length === 2 && thread(outcome.ts!));
    const text = JSON.stringify(logs.blocks);
    expect(text).toContain("previous");
    expect(text).toContain("toUpperCase");
  });

  it("a forged reference, or a real one clicked in another channel, reads nothing", async () => {
    const outcome = await handleAlertGroup(poster, crashLoopGroup("a1b2c3d4e5f60004"));
    await eventually(() => thread(outcome.ts!).length === 1);
    const real = buttonValue(alertMessage(outcome.ts!), "alert_logs");
    const click = (id: string, channel: string, value: string) =>
      postSigned(
        harness.eventsUrl,
        SIGNING_SECRET,
        interactiveForm(
          buttonClickPayload({
            actionId: "alert_logs",
            value,
            channel,
            messageTs: outcome.ts!,
            responseUrl: harness.slack.responseUrl(id),
          }),
        ),
        { contentType: "application/x-www-form-urlencoded" },
      );
    await click("forged", CHANNEL, JSON.stringify({ id: "alert-00000000000000000000000000000000" }));
    await click("elsewhere", "C0OTHER", real);
    for (const id of ["forged", "elsewhere"]) {
      const [reply] = await eventually(
        () => responses(harness.slack, id).length > 0 && responses(harness.slack, id),
      );
      expect(JSON.stringify(reply.params)).toContain("no longer on record");
    }
    expect(thread(outcome.ts!)).toHaveLength(1);
  });
});
