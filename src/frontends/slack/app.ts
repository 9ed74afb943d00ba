import { createServer, type RequestListener, type Server } from "node:http";
import { App, HTTPReceiver } from "@slack/bolt";
import { CodedError, errorMessage } from "../../core/errors.js";
import { systemClock } from "../../core/ports.js";
import type { EarlyRoute } from "../http/early-routes.js";
import { boltLogger } from "./bolt-logger.js";
import { boundedAnswers } from "./bounded-answers.js";
import { registerListeners } from "./listeners/index.js";
import { rejectFutureTimestamps } from "./request-timestamp.js";
import { createSendPacer, paceClient } from "./send-pacing.js";
import type { SlackDeps } from "./slack-deps.js";

export interface SlackAppOptions {
  /** HTTP mode on the web server's port: the bot listens nowhere itself and serves `eventsRoute` there. */
  sharedServer?: boolean;
}

export interface SlackBot {
  app: App;
  readonly mode: "socket" | "http";
  /** With `sharedServer` in HTTP mode: POST /slack/events, for the web server to serve before its own routes. */
  eventsRoute?: EarlyRoute;
  /** Connects (Socket Mode), or listens on `port` (HTTP mode on its own server). */
  start(port?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The default Web API retry policy keeps retrying for about 30 minutes, and Socket Mode would otherwise write
 * `retries: 100` into options every client shares: a few quick retries, then the error reaches our logs.
 */
const RETRY_CONFIG = { retries: 3, factor: 2, minTimeout: 250, maxTimeout: 2_000, randomize: false };
const DEFAULT_HTTP_PORT = 3_000;
const SLACK_EVENTS_PATH = "/slack/events";
const DEFAULT_CONCURRENT_ANSWERS = 16;

function apiUrl(url: string | undefined): string | undefined {
  return url && !url.endsWith("/") ? `${url}/` : url;
}

/** The Slack bot on Bolt: Socket Mode when an app token is set, else HTTP with signature verification. */
export function createSlackApp(deps: SlackDeps, options: SlackAppOptions = {}): SlackBot {
  const { settings } = deps;
  const logger = boltLogger(deps.logger);
  const clientOptions = { slackApiUrl: apiUrl(settings.apiUrl), retryConfig: RETRY_CONFIG };
  // No conversation store: nothing here keeps per-conversation state, and Bolt's in-memory default builds an
  // Error (with a stack) for every event it has not seen, which showed in the ack latency's tail.
  const common = {
    token: settings.botToken,
    clientOptions,
    logger,
    deferInitialization: true,
    convoStore: false as const,
  };
  let app: App;
  let mode: SlackBot["mode"] = "http";
  /** HTTP on the web server's port: that server listens and hands Bolt the requests for /slack/events. */
  let eventsRoute: EarlyRoute | undefined;
  let listener: RequestListener | undefined;
  let server: Server | undefined;
  if (settings.appToken) {
    app = new App({ ...common, appToken: settings.appToken, socketMode: true });
    mode = "socket";
  } else {
    if (!settings.signingSecret) {
      throw new CodedError(
        "config",
        "Slack HTTP mode needs SLACK_SIGNING_SECRET (or set SLACK_APP_TOKEN for Socket Mode)",
      );
    }
    // Bolt's own HTTP receiver without its server: it reads and verifies the raw body, and its requestListener
    // is made to be called from another server (the web server's, or ours below), behind the timestamp check.
    const receiver = new HTTPReceiver({ signingSecret: settings.signingSecret, logger });
    app = new App({ ...common, receiver });
    listener = rejectFutureTimestamps(
      (request, response) => receiver.requestListener(request, response),
      deps.clock ?? systemClock,
    );
    if (options.sharedServer) eventsRoute = { method: "POST", path: SLACK_EVENTS_PATH, handle: listener };
  }
  const answers = boundedAnswers(deps.answers, deps.limits.concurrentAnswers ?? DEFAULT_CONCURRENT_ANSWERS);
  // One pacer per bot over the shared rate limiter: with Redis every replica spends the same Slack budget.
  const pacer = deps.pacer ?? createSendPacer(deps.rateLimiter);
  paceClient(app.client, pacer);
  app.use(async ({ client, next }) => {
    paceClient(client, pacer);
    await next();
  });
  registerListeners(app, { ...deps, answers, pacer });
  app.error(async (error) => {
    deps.logger.error(
      { component: "slack", code: error.code, err: errorMessage(error.original ?? error) },
      "Slack listener failed",
    );
  });

  let started = false;
  return {
    app,
    mode,
    eventsRoute,
    async start(port) {
      await app.init();
      if (mode === "socket") await app.start();
      else if (!eventsRoute && listener) server = await listen(listener, port ?? DEFAULT_HTTP_PORT);
      started = true;
      deps.logger.info({ component: "slack", mode }, "Slack bot started");
    },
    async stop() {
      if (!started || eventsRoute) return;
      started = false;
      if (server) await closeServer(server);
      else await app.stop();
    },
  };
}

function listen(listener: RequestListener, port: number): Promise<Server> {
  const server = createServer(listener);
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => resolve(server));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
