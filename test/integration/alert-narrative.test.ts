import { readFileSync } from "node:fs";
import { webApi } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryCache } from "../../src/adapters/cache/memory-cache.js";
import { createMemoryRateLimiter } from "../../src/adapters/cache/memory-rate-limiter.js";
import { parseAlertRoutes } from "../../src/config/alert-routes.js";
import { channelScopesFrom } from "../../src/config/channels.js";
import { silentLogger } from "../../src/core/ports.js";
import { slackAlertDelivery } from "../../src/frontends/alerts/alert-delivery.js";
import { firstSentences } from "../../src/frontends/alerts/alert-narrative.js";
import { alertGroupSchema } from "../../src/frontends/alerts/alert-payload.js";
import { type AlertPosterDeps, handleAlertGroup } from "../../src/frontends/alerts/alert-poster.js";
import { type FakeSlack, startFakeSlack } from "../fakes/slack-api-server.js";
import { type LlmTestStack, startLlmStack } from "./llm-stack.js";

const CHANNEL = "C0ALERTS";
let stack: LlmTestStack;
let slack: FakeSlack;
let poster: AlertPosterDeps;
let checkout: string;

beforeAll(async () => {
  [stack, slack] = await Promise.all([startLlmStack("openai"), startFakeSlack()]);
  checkout = (await stack.podNames("shop")).find((name) => name.startsWith("checkout-"))!;
  expect(stack.container.agent).toBeDefined();
  poster = {
    answers: stack.answers,
    routes: parseAlertRoutes(`default: ${CHANNEL}\n`, "routes.yaml"),
    scopes: channelScopesFrom({}),
    cache: createMemoryCache(),
    rateLimiter: createMemoryRateLimiter(),
    investigationsPerMinute: 10,
    delivery: slackAlertDelivery(new webApi.WebClient("xoxb-test-token", { slackApiUrl: slack.apiUrl })),
    clock: { now: () => Date.now() },
    logger: silentLogger,
    narrator: stack.container.agent,
  };
}, 60_000);
afterAll(async () => Promise.all([stack?.close(), slack?.close()]));

function crashLoopGroup(fingerprint: string) {
  const fixture = JSON.parse(readFileSync("test/fixtures/alerts/crashloop-webhook.json", "utf8"));
  fixture.groupKey = `{}:{alertname="KubePodCrashLooping", fp="${fingerprint}"}`;
  fixture.alerts[0].labels.pod = checkout;
  fixture.alerts[0].fingerprint = fingerprint;
  return alertGroupSchema.parse(fixture);
}

const thread = (ts: string) => [...slack.messages.values()].filter((m) => m.thread_ts === ts);

describe("the LLM narrative on top of an alert's investigation", () => {
  it("is three sentences from the investigation's results, with the tokens it cost in its context line", async () => {
    stack.llm.script({
      kind: "reply",
      content:
        "Pod checkout keeps crashing. Its previous log shows a TypeError at start-up. Check the last image change. A fourth sentence the budget of three leaves out.",
      usage: { in: 900, out: 45 },
    });
    const outcome = await handleAlertGroup(poster, crashLoopGroup("b1b2c3d4e5f60001"));
    const [investigation] = thread(outcome.ts!);
    const text = JSON.stringify(investigation.blocks);
    expect(text).toContain(
      "Pod checkout keeps crashing. Its previous log shows a TypeError at start-up. Check the last image change.",
    );
    expect(text).not.toContain("fourth sentence");
    expect(text).toMatch(/summary written by [^"]+ · 945 tokens/);
    // The model read the investigation's own results and was offered no tool.
    const request = stack.llm.requests.at(-1)!;
    expect(request.tools).toEqual([]);
    expect(JSON.stringify(request.messages)).toContain("CrashLoopBackOff");
    expect(JSON.stringify(request.messages)).toContain("KubePodCrashLooping");
    expect(slack.violations).toEqual([]);
  });

  it("is left out when it spent more than the alert's budget, or the model failed: the findings stand alone", async () => {
    stack.llm.script(
      { kind: "reply", content: "Too long a read.", usage: { in: 9_000, out: 40 } },
      { kind: "error", status: 500 },
      { kind: "error", status: 500 },
    );
    for (const fingerprint of ["b1b2c3d4e5f60002", "b1b2c3d4e5f60003"]) {
      const outcome = await handleAlertGroup(poster, crashLoopGroup(fingerprint));
      const [investigation] = thread(outcome.ts!);
      const text = JSON.stringify(investigation.blocks);
      expect(text).not.toContain("summary written by");
      expect(text).toContain("CrashLoopBackOff");
    }
  });

  it("cuts a reply to its first three sentences, in English and Chinese", () => {
    expect(firstSentences("One. Two! Three? Four.")).toBe("One. Two! Three?");
    expect(firstSentences("一。二！三？四。")).toBe("一。二！三？");
    expect(firstSentences("No full stop")).toBe("No full stop");
  });
});
