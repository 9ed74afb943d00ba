import type { Express } from "express";
import { verifyReadOnlyIdentity } from "./adapters/kubernetes/rbac-self-check.js";
import type { Container } from "./container.js";
import { createHttpServer, type RunningHttpServer } from "./frontends/http/server.js";
import { mountMcpHttp } from "./frontends/mcp/mcp-http.js";
import { createSlackApp } from "./frontends/slack/app.js";
import { slackDepsFromConfig } from "./frontends/slack/slack-deps-from-config.js";
import { VERSION } from "./version.js";

export interface RunningServices {
  http: RunningHttpServer;
  /** "socket" or "http" when the Slack bot runs, undefined otherwise. */
  slackMode?: "socket" | "http";
  stop(): Promise<void>;
}

/** Starts what the config asks for: the HTTP server always (API, page, metrics), Slack when its tokens are set. */
export async function startServices(container: Container): Promise<RunningServices> {
  const { config, logger } = container;
  // Strict mode refuses to start on a too-broad identity, so it waits; otherwise the warning may come later.
  const identityCheck = verifyReadOnlyIdentity(
    {
      kubeconfig: config.kube.kubeconfig,
      context: config.kube.context,
      namespace: config.kube.defaultNamespace,
    },
    { strict: config.kube.strictRbac, logger },
  );
  if (config.kube.strictRbac) await identityCheck;
  else identityCheck.catch(() => undefined);
  const mounts: ((app: Express) => void)[] = [
    (app) =>
      mountMcpHttp(app, {
        answers: container.answers,
        logger,
        version: VERSION,
        apiToken: config.server.apiToken,
        allowRemote: config.server.allowRemote,
        limit: { limiter: container.rateLimiter, perMinute: config.limits.userPerMinute },
      }),
  ];
  // Socket Mode connects out by itself; HTTP mode serves /slack/events on the same port as everything else.
  const slackDeps = slackDepsFromConfig(container);
  const slack = slackDeps && createSlackApp(slackDeps, { sharedServer: !slackDeps.settings.appToken });
  const http = await createHttpServer({
    answers: container.answers,
    conversations: container.conversations,
    settings: config.server,
    rateLimiter: container.rateLimiter,
    limits: { userPerMinute: config.limits.userPerMinute },
    readiness: () => container.readiness(),
    metrics: container.metrics.registry,
    logger,
    mount: mounts,
    earlyRoutes: slack?.eventsRoute ? [slack.eventsRoute] : [],
  }).listen();
  try {
    await slack?.start();
  } catch (error) {
    await http.close();
    throw error;
  }
  if (slack)
    logger.info({ event: "slack_started", mode: slack.mode }, `Slack bot running in ${slack.mode} mode`);
  let stopping: Promise<void> | undefined;
  return {
    http,
    slackMode: slack?.mode,
    stop() {
      stopping ??= (async () => {
        await slack?.stop();
        await http.close();
        await container.close();
      })();
      return stopping;
    },
  };
}

/** SIGTERM and SIGINT drain requests in flight, then exit. */
export function stopOnSignals(services: { stop(): Promise<void> }, log: (message: string) => void): void {
  const stop = (signal: string) => {
    log(`${signal}: finishing requests in flight…`);
    services.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
}
