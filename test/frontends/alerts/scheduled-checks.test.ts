import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryCache } from "../../../src/adapters/cache/memory-cache.js";
import type { ScheduledCheck } from "../../../src/config/alert-routes.js";
import { parseAlertRoutes } from "../../../src/config/alert-routes.js";
import { channelScopesFrom } from "../../../src/config/channels.js";
import { silentLogger } from "../../../src/core/ports.js";
import type { AlertDelivery } from "../../../src/frontends/alerts/alert-delivery.js";
import { runScheduledCheck, startScheduledChecks } from "../../../src/frontends/alerts/scheduled-checks.js";
import type { SlackMessage } from "../../../src/frontends/slack/blocks/limits.js";
import { startTestStack, type TestStack } from "../../helpers/answer-service.js";
import { eventually } from "../../helpers/eventually.js";

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.close());

function recordingDelivery() {
  const posts: { channel: string; message: SlackMessage }[] = [];
  const delivery: AlertDelivery = {
    post: async (channel, message) => {
      posts.push({ channel, message });
      return String(posts.length);
    },
    update: async () => undefined,
  };
  return { posts, delivery };
}

const check = (extra: Partial<ScheduledCheck> = {}): ScheduledCheck => ({
  cron: "0 9 * * 1-5",
  channel: "C0OPS",
  question: "what's wrong in namespace shop?",
  onlyWhenChanged: false,
  ...extra,
});

describe("scheduled checks", () => {
  it("post each run once across replicas that share the cache", async () => {
    const cache = createMemoryCache();
    const { posts, delivery } = recordingDelivery();
    const deps = {
      checks: [],
      answers: stack.answers,
      scopes: channelScopesFrom({}),
      cache,
      delivery,
      logger: silentLogger,
    };
    const due = new Date("2026-12-01T09:00:00Z");
    const outcomes = await Promise.all([
      runScheduledCheck(deps, check(), due),
      runScheduledCheck(deps, check(), due),
    ]);
    expect(outcomes.sort()).toEqual(["locked", "posted"]);
    expect(posts).toHaveLength(1);
    expect(JSON.stringify(posts[0].message.blocks)).toContain("run due 2026-12-01 09:00:00 UTC");
    expect(posts[0].message.text).toContain("shop");
  });

  it("skip a run whose answer did not change, when the entry says so", async () => {
    const cache = createMemoryCache();
    const { posts, delivery } = recordingDelivery();
    const deps = {
      checks: [],
      answers: stack.answers,
      scopes: channelScopesFrom({}),
      cache,
      delivery,
      logger: silentLogger,
    };
    const entry = check({ onlyWhenChanged: true });
    expect(await runScheduledCheck(deps, entry, new Date("2026-12-01T09:00:00Z"))).toBe("posted");
    expect(await runScheduledCheck(deps, entry, new Date("2026-12-02T09:00:00Z"))).toBe("skipped");
    // An entry that does not ask to skip posts the same answer again.
    expect(await runScheduledCheck(deps, check(), new Date("2026-12-03T09:00:00Z"))).toBe("posted");
    expect(posts).toHaveLength(2);
  });

  it("run on their cron schedule (croner) until stopped", async () => {
    const { posts, delivery } = recordingDelivery();
    const stop = startScheduledChecks({
      checks: [check({ cron: "* * * * * *" })],
      answers: stack.answers,
      scopes: channelScopesFrom({}),
      cache: createMemoryCache(),
      delivery,
      logger: silentLogger,
    });
    try {
      await eventually(() => posts.length >= 2, 15_000, "no two runs of an every-second schedule");
    } finally {
      stop();
    }
    const dues = posts.map((p) => JSON.stringify(p.message.blocks).match(/run due [\d-]+ [\d:]+/)?.[0]);
    expect(dues.every(Boolean)).toBe(true);
    expect(new Set(dues).size).toBe(dues.length);
  });

  it("reject a bad cron expression or channel in the routes file, every problem listed", () => {
    expect(() =>
      parseAlertRoutes(
        "schedules:\n  - cron: every morning\n    channel: ops\n    question: hi\n",
        "routes.yaml",
      ),
    ).toThrow(
      /schedules\.0\.cron: must be a cron expression[\s\S]*schedules\.0\.channel: must be a Slack channel id/,
    );
  });
});
