import { createServer, type Server } from "node:http";
import express from "express";
import { createMemoryCache } from "../../src/adapters/cache/memory-cache.js";
import { createMemoryRateLimiter } from "../../src/adapters/cache/memory-rate-limiter.js";
import { type ChannelScopes, channelScopesFrom } from "../../src/config/channels.js";
import type { RateLimiter } from "../../src/core/ports.js";
import { withEarlyRoutes } from "../../src/frontends/http/early-routes.js";
import { createSlackApp, type SlackBot } from "../../src/frontends/slack/app.js";
import type { SendPacer } from "../../src/frontends/slack/send-pacing.js";
import type { SlackDeps } from "../../src/frontends/slack/slack-deps.js";
import { type FakeSlack, type PostedMessage, startFakeSlack } from "../fakes/slack-api-server.js";
import {
  buttonClickPayload,
  commandForm,
  commandPayload,
  eventEnvelope,
  interactiveForm,
  postSigned,
} from "../fakes/slack-payloads.js";
import type { RateLimitRules } from "../fakes/slack-rate-limits.js";
import { type FakeSocketMode, startFakeSocketMode } from "../fakes/socket-mode-server.js";
import { startTestStack, type TestStack, type TestStackOptions } from "../helpers/answer-service.js";
import { eventually as pollUntil } from "../helpers/eventually.js";
import { freePort } from "../helpers/free-port.js";
import { type LogEntry, recordingLogger } from "../helpers/recording-logger.js";

export const SIGNING_SECRET = "test-signing-secret";

export interface SlackHarness {
  stack: TestStack;
  slack: FakeSlack;
  socket?: FakeSocketMode;
  bot: SlackBot;
  deps: SlackDeps;
  /** Bolt's /slack/events in HTTP mode. */
  eventsUrl: string;
  logs: LogEntry[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  mode: "http" | "socket";
  stack?: TestStackOptions;
  /** A stack shared by several harnesses (closed by its owner). */
  sharedStack?: TestStack;
  channels?: ChannelScopes;
  userPerMinute?: number;
  channelPerMinute?: number;
  /** HTTP mode on a server the test runs, next to an Express app (as the web server shares its port with Slack). */
  sharedServer?: boolean;
  /** A fake Slack shared by several harnesses, as replicas share one workspace (HTTP mode; closed by its owner). */
  sharedSlack?: FakeSlack;
  /** Where the bot counts its rate limits and Slack budgets (a Redis one to share them between replicas). */
  rateLimiter?: RateLimiter;
  /** Replaces the bot's pacing (a test shows what the fake does to a bot that does not pace). */
  pacer?: SendPacer;
  /** The fake's rate limits, when a test shortens Slack's minute. */
  slackRateLimits?: RateLimitRules;
}

/** The bot's /slack/events before an Express app with its own route, on one port. */
function listenShared(bot: SlackBot, port: number): Promise<Server> {
  const app = express();
  app.get("/health", (_request, response) => void response.json({ ok: true }));
  const server = createServer(
    withEarlyRoutes([bot.eventsRoute!], (request, response) => app(request, response)),
  );
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

/** The real Bolt app on the real pipeline and simulated cluster, talking to a fake Slack. */
export async function startSlackHarness(options: HarnessOptions): Promise<SlackHarness> {
  const stack = options.sharedStack ?? (await startTestStack(options.stack));
  const slack = options.sharedSlack ?? (await startFakeSlack({ rateLimits: options.slackRateLimits }));
  const socket = options.mode === "socket" ? await startFakeSocketMode() : undefined;
  if (socket) slack.socketModeUrl = socket.url;
  const logger = recordingLogger();
  const deps: SlackDeps = {
    settings: {
      botToken: "xoxb-test-token",
      apiUrl: slack.apiUrl,
      ...(socket ? { appToken: "xapp-test-token" } : { signingSecret: SIGNING_SECRET }),
    },
    answers: stack.answers,
    conversations: stack.container.conversations,
    rateLimiter: options.rateLimiter ?? createMemoryRateLimiter(),
    dedup: createMemoryCache(),
    channels: options.channels ?? channelScopesFrom({}),
    logger,
    limits: { userPerMinute: options.userPerMinute ?? 1_000, channelPerMinute: options.channelPerMinute },
    pacer: options.pacer,
  };
  const bot = createSlackApp(deps, { sharedServer: options.sharedServer });
  const port = await freePort();
  await bot.start(port);
  const server = options.sharedServer ? await listenShared(bot, port) : undefined;
  if (socket) await socket.connected();
  return {
    stack,
    slack,
    socket,
    bot,
    deps,
    eventsUrl: `http://127.0.0.1:${port}/slack/events`,
    logs: logger.entries,
    async close() {
      await bot.stop();
      await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
      await socket?.close();
      if (!options.sharedSlack) await slack.close();
      if (!options.sharedStack) await stack.close();
    },
  };
}

/** Polls until the check passes (answers arrive after the ack, asynchronously). */
export function eventually<T>(check: () => T | undefined | false, timeoutMs = 15_000): Promise<T> {
  return pollUntil(check, timeoutMs, "timed out waiting for Slack traffic");
}

/** A message whose latest version carries the buttons: the final answer. */
export function isAnswered(message: Pick<PostedMessage, "blocks">): boolean {
  return (message.blocks ?? []).some((block) => block.type === "actions");
}

export function answeredMessages(slack: FakeSlack): PostedMessage[] {
  return [...slack.messages.values()].filter(isAnswered);
}

/** The answered message in a channel whose blocks mention `text`. */
export function answeredIn(slack: FakeSlack, channel: string, text = ""): PostedMessage | undefined {
  return answeredMessages(slack).find(
    (message) => message.channel === channel && JSON.stringify(message.blocks).includes(text),
  );
}

export function blocksText(message: { blocks?: unknown[]; text?: unknown }): string {
  return JSON.stringify(message);
}

const FORM = { contentType: "application/x-www-form-urlencoded" };

/** `/k8s <text>` over HTTP, signed; resolves with Bolt's HTTP response (the ack). */
export function sendCommand(
  harness: SlackHarness,
  text: string,
  options: { channel?: string; user?: string; id?: string } = {},
) {
  const responseUrl = harness.slack.responseUrl(options.id ?? `cmd-${Math.random().toString(36).slice(2)}`);
  return postSigned(harness.eventsUrl, SIGNING_SECRET, commandForm({ text, responseUrl, ...options }), FORM);
}

/** An Events API delivery over HTTP, signed; `retryNum` marks it as Slack's retry. */
export function sendEvent(
  harness: SlackHarness,
  event: Record<string, unknown>,
  options: { eventId?: string; retryNum?: number } = {},
) {
  const body = JSON.stringify(eventEnvelope(event, options.eventId));
  return postSigned(harness.eventsUrl, SIGNING_SECRET, body, { retryNum: options.retryNum });
}

/** The value of one of the message's buttons. */
export function buttonValue(message: PostedMessage, actionId: string): string {
  for (const block of message.blocks ?? []) {
    for (const element of (block.elements as { action_id?: string; value?: string }[] | undefined) ?? []) {
      if (element.action_id === actionId && element.value) return element.value;
    }
  }
  throw new Error(`no ${actionId} button on the message`);
}

/** A click on a button of a posted message, over HTTP, signed. */
export function clickButton(
  harness: SlackHarness,
  message: PostedMessage,
  actionId: string,
  responseId = "click",
) {
  return postSigned(
    harness.eventsUrl,
    SIGNING_SECRET,
    interactiveForm(clickPayload(harness, message, actionId, responseId)),
    FORM,
  );
}

function clickPayload(harness: SlackHarness, message: PostedMessage, actionId: string, responseId: string) {
  return buttonClickPayload({
    actionId,
    value: buttonValue(message, actionId),
    channel: message.channel,
    messageTs: message.ts,
    threadTs: message.thread_ts,
    responseUrl: harness.slack.responseUrl(responseId),
    blocks: message.blocks,
  });
}

/** A click over the harness's own transport: signed HTTP, or an interactive envelope over Socket Mode. */
export async function clickInMode(
  harness: SlackHarness,
  message: PostedMessage,
  actionId: string,
  responseId = "click",
): Promise<void> {
  if (!harness.socket) return void (await clickButton(harness, message, actionId, responseId));
  await harness.socket.send("interactive", clickPayload(harness, message, actionId, responseId));
}

/** A `/k8s` over the harness's own transport: signed HTTP, or a slash_commands envelope over Socket Mode. */
export async function commandInMode(
  harness: SlackHarness,
  text: string,
  channel: string,
  responseId: string,
): Promise<void> {
  if (!harness.socket) return void (await sendCommand(harness, text, { channel, id: responseId }));
  const payload = commandPayload({ text, channel, responseUrl: harness.slack.responseUrl(responseId) });
  await harness.socket.send("slash_commands", payload);
}

/** response_url posts for one command or click id. */
export function responses(slack: FakeSlack, id: string) {
  return slack.callsTo("response_url").filter((call) => call.params.id === id);
}
