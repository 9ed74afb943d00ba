import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryRateLimiter } from "../../src/adapters/cache/memory-rate-limiter.js";
import { connectRedis, type RedisConnection } from "../../src/adapters/cache/redis-connection.js";
import { createRedisRateLimiter } from "../../src/adapters/cache/redis-rate-limiter.js";
import type { RateLimiter } from "../../src/core/ports.js";
import { type FakeSlack, startFakeSlack } from "../fakes/slack-api-server.js";
import { mentionEvent } from "../fakes/slack-payloads.js";
import { startTestStack, type TestStack } from "../helpers/answer-service.js";
import { recordingLogger } from "../helpers/recording-logger.js";
import { type RedisServer, startRedisServer } from "../helpers/redis-server.js";
import { handlersFinished } from "../helpers/slack-handlers.js";
import { finalAnswers, leftPlaceholders } from "./slack-finals.js";
import { type SlackHarness, sendCommand, sendEvent, startSlackHarness } from "./slack-harness.js";

const QUESTIONS = ["pods in shop", "namespaces", "deployments in payments", "services in shop", "nodes"];

/**
 * Two replicas of the bot, one workspace (one fake Slack): Slack counts their calls together, so the budgets
 * must be shared. Through one real redis-server they are; with a budget per process the same traffic goes over.
 */
describe("two replicas and one Slack workspace", () => {
  let stack: TestStack;
  let redis: RedisServer;
  const connections: RedisConnection[] = [];
  beforeAll(async () => {
    [stack, redis] = await Promise.all([startTestStack(), startRedisServer()]);
  });
  afterAll(async () => {
    await Promise.all(connections.map((connection) => connection.close()));
    await redis?.close();
    await stack?.close();
  });

  async function redisLimiter(): Promise<RateLimiter> {
    // A generous command timeout: on a loaded machine a timed-out script would fail open and not count.
    const connection = await connectRedis({
      url: redis.url,
      logger: recordingLogger(),
      keyPrefix: "k8helper-replicas:",
      commandTimeoutMs: 2_000,
    });
    connections.push(connection);
    return createRedisRateLimiter(connection);
  }

  /** Ten commands and ten mentions in two channels, alternating between the replicas, all at once. */
  async function burst(slack: FakeSlack, limiters: [RateLimiter, RateLimiter], tag: string) {
    const replicas = await Promise.all(
      limiters.map((rateLimiter) =>
        startSlackHarness({ mode: "http", sharedStack: stack, sharedSlack: slack, rateLimiter }),
      ),
    );
    try {
      const commands = `C0REPLICAS${tag}`;
      const mentions = `C0REPLICAM${tag}`;
      const sent: { replica: SlackHarness; channel: string }[] = [];
      const asks: Promise<unknown>[] = [];
      for (let i = 0; i < 10; i++) {
        const replica = replicas[i % 2];
        const question = QUESTIONS[i % QUESTIONS.length];
        asks.push(sendCommand(replica, question, { channel: commands, id: `${commands}-${i}` }));
        asks.push(sendEvent(replica, mentionEvent(question, { channel: mentions })));
        sent.push({ replica, channel: commands }, { replica, channel: mentions });
      }
      await Promise.all(asks);
      await Promise.all(
        replicas.map((replica) =>
          handlersFinished(
            () => replica.logs,
            sent.filter((ask) => ask.replica === replica).map((ask) => ask.channel),
            90_000,
          ),
        ),
      );
      return { commands, mentions };
    } finally {
      await Promise.all(replicas.map((replica) => replica.close()));
    }
  }

  it("keeps both within one budget through Redis, and answers each question once", async () => {
    const slack = await startFakeSlack();
    try {
      const { commands, mentions } = await burst(slack, [await redisLimiter(), await redisLimiter()], "R");
      expect(slack.violations).toEqual([]);
      for (const channel of [commands, mentions]) {
        expect(finalAnswers(slack, channel)).toHaveLength(10);
        expect(leftPlaceholders(slack, channel)).toEqual([]);
      }
    } finally {
      await slack.close();
    }
  });

  it("goes over Slack's per-channel limit when each replica keeps its own budget (the control)", async () => {
    const slack = await startFakeSlack();
    try {
      const { commands } = await burst(slack, [createMemoryRateLimiter(), createMemoryRateLimiter()], "M");
      expect(slack.violations.some((violation) => violation.includes("over one message a second"))).toBe(
        true,
      );
      // Slack's 429s were waited out: still one answer each.
      expect(finalAnswers(slack, commands)).toHaveLength(10);
    } finally {
      await slack.close();
    }
  });
});
