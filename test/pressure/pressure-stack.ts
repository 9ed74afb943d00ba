import { createMemoryCache } from "../../src/adapters/cache/memory-cache.js";
import { createMemoryRateLimiter } from "../../src/adapters/cache/memory-rate-limiter.js";
import { createLogger } from "../../src/adapters/logging/create-logger.js";
import { type ChannelScopes, channelScopesFrom } from "../../src/config/channels.js";
import { createSlackApp, type SlackBot } from "../../src/frontends/slack/app.js";
import { type RunningServices, startServices } from "../../src/main.js";
import { type FakeSlack, startFakeSlack } from "../fakes/slack-api-server.js";
import { commandForm, postSigned } from "../fakes/slack-payloads.js";
import { startTestStack, type TestStack, type TestStackOptions } from "../helpers/answer-service.js";
import { eventually as pollUntil } from "../helpers/eventually.js";
import { freePort } from "../helpers/free-port.js";
import type { LogEntry } from "../helpers/recording-logger.js";
import { logEntryFromJson } from "../helpers/slack-handlers.js";

export const SIGNING_SECRET = "pressure-signing-secret";

export interface PressureStack extends TestStack {
  /** The HTTP server as `k8helper serve` starts it: API, /mcp, metrics. */
  httpUrl: string;
  slack: FakeSlack;
  bot: SlackBot;
  /** Bolt's /slack/events in HTTP mode. */
  eventsUrl: string;
  /** Every JSON line the pino logger wrote (container, HTTP server, MCP and Slack share it). */
  logLines: string[];
  /** The same lines as log entries (parsed once each), for handlersFinished in test/helpers/slack-handlers.ts. */
  logs(): LogEntry[];
  close(): Promise<void>;
}

export interface PressureOptions extends TestStackOptions {
  channels?: ChannelScopes;
  /** Questions a minute per user (HTTP and Slack); high for load. */
  userPerMinute?: number;
  logLevel?: "debug" | "info" | "warn";
}

/**
 * Every server front end on one real pipeline and simulated cluster: the HTTP server (API + MCP) as `serve`
 * starts it, and the real Bolt app in HTTP mode against the fake Slack. One pino logger writes to `logLines`.
 */
export async function startPressureStack(options: PressureOptions = {}): Promise<PressureStack> {
  const logLines: string[] = [];
  const logger = createLogger({
    level: options.logLevel ?? "debug",
    destination: { write: (line: string) => void logLines.push(line) },
  });
  const perMinute = String(options.userPerMinute ?? 1_000_000);
  const stack = await startTestStack({
    ...options,
    env: { K8HELPER_RATE_LIMIT_PER_MINUTE: perMinute, HOST: "127.0.0.1", PORT: "0", ...options.env },
    overrides: { logger, ...options.overrides },
  });
  const services: RunningServices = await startServices(stack.container);
  const slack = await startFakeSlack();
  const bot = createSlackApp({
    settings: { botToken: "xoxb-test-token", apiUrl: slack.apiUrl, signingSecret: SIGNING_SECRET },
    answers: stack.answers,
    rateLimiter: createMemoryRateLimiter(),
    dedup: createMemoryCache(), // the production default: an LRU of 32 MiB
    channels: options.channels ?? channelScopesFrom({}),
    logger,
    limits: { userPerMinute: options.userPerMinute ?? 1_000_000 },
  });
  const port = await freePort();
  await bot.start(port);
  const entries: LogEntry[] = [];
  return {
    ...stack,
    httpUrl: services.http.url,
    slack,
    bot,
    eventsUrl: `http://127.0.0.1:${port}/slack/events`,
    logLines,
    logs: () => {
      for (const line of logLines.slice(entries.length)) entries.push(logEntryFromJson(line));
      return entries;
    },
    async close() {
      await bot.stop();
      await slack.close();
      await services.http.close();
      await stack.close();
    },
  };
}

/** POST /api/v1/query with a JSON question. */
export function askHttp(stack: PressureStack, body: Record<string, unknown>): Promise<Response> {
  return fetch(`${stack.httpUrl}/api/v1/query`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

let commandSeq = 0;

/** A signed `/k8s` in its own channel (so its replies can be counted); returns the ack and the ids. */
export async function sendCommand(
  stack: PressureStack,
  text: string,
  options: { channel?: string; user?: string; id?: string } = {},
) {
  commandSeq += 1;
  const channel = options.channel ?? `C0P${commandSeq}`;
  const id = options.id ?? `cmd-${commandSeq}`;
  const body = commandForm({ text, channel, user: options.user, responseUrl: stack.slack.responseUrl(id) });
  const ack = await postSigned(stack.eventsUrl, SIGNING_SECRET, body, {
    contentType: "application/x-www-form-urlencoded",
  });
  return { ack, channel, id };
}

/** Polls until the check passes (Slack answers arrive after the ack). */
export function eventually<T>(check: () => T | undefined | false, timeoutMs = 30_000): Promise<T> {
  return pollUntil(check, timeoutMs, "timed out waiting for Slack traffic");
}
