import type { Express } from "express";
import { verifyReadOnlyIdentity } from "./adapters/kubernetes/rbac-self-check.js";
import type { Container } from "./container.js";
import { alertsFromConfig } from "./frontends/alerts/alerts-from-config.js";
import { mountAlertsRoute } from "./frontends/alerts/alerts-route.js";
import { startScheduledChecks } from "./frontends/alerts/scheduled-checks.js";
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
      // The rules review needs one namespace to ask about; "default" exists in every cluster.
      namespace: config.kube.defaultNamespace ?? "default",
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
  const alerts = alertsFromConfig(container);
  if (alerts) mounts.unshift((app) => mountAlertsRoute(app, alerts));
  // Socket Mode connects out by itself; HTTP mode serves /slack/events on the same port as everything else.
  const slackDeps = slackDepsFromConfig(container);
  const slack = slackDeps && createSlackApp(slackDeps, { sharedServer: !slackDeps.settings.appToken });
  let draining = false;
  const http = await createHttpServer({
    answers: container.answers,
    conversations: container.conversations,
    settings: config.server,
    rateLimiter: container.rateLimiter,
    limits: { userPerMinute: config.limits.userPerMinute },
    readiness: () => container.readiness(),
    draining: () => draining,
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
  const stopSchedules =
    alerts?.delivery && alerts.routes.schedules.length > 0
      ? startScheduledChecks({ ...alerts, checks: alerts.routes.schedules, delivery: alerts.delivery })
      : undefined;
  if (slack)
    logger.info({ event: "slack_started", mode: slack.mode }, `Slack bot running in ${slack.mode} mode`);
  let stopping: Promise<void> | undefined;
  return {
    http,
    slackMode: slack?.mode,
    stop() {
      draining = true;
      stopping ??= (async () => {
        stopSchedules?.();
        await slack?.stop();
        await http.close();
        await container.close();
      })();
      return stopping;
    },
  };
}

/**
 * The latest a stop may take before the process exits regardless: below the chart's
 * terminationGracePeriodSeconds (30), so the kubelet never has to SIGKILL mid-write.
 */
export const SHUTDOWN_DEADLINE_MS = 25_000;

/** SIGTERM and SIGINT drain requests in flight, then exit; a stop that hangs past the deadline exits anyway. */
export function stopOnSignals(services: { stop(): Promise<void> }, log: (message: string) => void): void {
  const stop = (signal: string) => {
    log(`${signal}: finishing requests in flight…`);
    const deadline = setTimeout(() => {
      log(`${signal}: still stopping after ${SHUTDOWN_DEADLINE_MS / 1000} s; exiting`);
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    services.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
}
