import { App, ExpressReceiver } from "@slack/bolt";
import type { Express } from "express";
import { CodedError, errorMessage } from "../../core/errors.js";
import { boltLogger } from "./bolt-logger.js";
import { boundedAnswers } from "./bounded-answers.js";
import { registerListeners } from "./listeners/index.js";
import type { SlackDeps } from "./slack-deps.js";

export interface SlackAppOptions {
  /** HTTP mode: serve /slack/events on this Express app (the web server's port) instead of Bolt's own server. */
  expressApp?: Express;
}

export interface SlackBot {
  app: App;
  readonly mode: "socket" | "http";
  /** Connects (Socket Mode), or listens on `port` (HTTP mode without a shared Express app). */
  start(port?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The default Web API retry policy keeps retrying for about 30 minutes, and Socket Mode would otherwise write
 * `retries: 100` into options every client shares: a few quick retries, then the error reaches our logs.
 */
const RETRY_CONFIG = { retries: 3, factor: 2, minTimeout: 250, maxTimeout: 2_000, randomize: false };
const DEFAULT_HTTP_PORT = 3_000;
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
  /** HTTP on the web server's Express app: that server listens, Bolt only adds /slack/events. */
  let sharesServer = false;
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
    if (options.expressApp) {
      const receiver = new ExpressReceiver({
        signingSecret: settings.signingSecret,
        app: options.expressApp,
        logger,
      });
      app = new App({ ...common, receiver });
      sharesServer = true;
    } else {
      app = new App({ ...common, signingSecret: settings.signingSecret });
    }
  }
  const answers = boundedAnswers(deps.answers, deps.limits.concurrentAnswers ?? DEFAULT_CONCURRENT_ANSWERS);
  registerListeners(app, { ...deps, answers });
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
    async start(port) {
      await app.init();
      if (mode === "socket") await app.start();
      else if (!sharesServer) await app.start(port ?? DEFAULT_HTTP_PORT);
      started = true;
      deps.logger.info({ component: "slack", mode }, "Slack bot started");
    },
    async stop() {
      if (!started || sharesServer) return;
      started = false;
      await app.stop();
    },
  };
}
