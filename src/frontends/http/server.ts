import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import express, { type Express } from "express";
import type { Registry } from "prom-client";
import type { Config } from "../../config/config.js";
import type { Conversations } from "../../core/conversation/index.js";
import type { AnswerService } from "../../core/pipeline/answer-service.js";
import type { Logger, RateLimiter } from "../../core/ports.js";
import { requireLoopbackHost, securityHeaders } from "./access.js";
import { type EarlyRoute, withEarlyRoutes } from "./early-routes.js";
import { errorHandler, notFound } from "./http-errors.js";
import { mountHealthRoute } from "./routes/health.js";
import { mountMetricsRoute } from "./routes/metrics.js";
import { mountOpenApiRoute } from "./routes/openapi.js";
import { mountPageHeadingsRoute } from "./routes/page-headings.js";
import { mountQueryRoute } from "./routes/query.js";
import { mountReadyRoute, type Readiness } from "./routes/ready.js";
import { mountToolsRoute } from "./routes/tools.js";

export interface HttpServerDeps {
  answers: AnswerService;
  /** Follow-ups through a `conversation` id; without it every question stands alone (the id is still returned). */
  conversations?: Conversations;
  settings: Config["server"];
  rateLimiter: RateLimiter;
  limits: { userPerMinute: number };
  readiness: () => Promise<Readiness>;
  /** True while the process drains after SIGTERM: readiness answers 503 then, and only then. */
  draining?: () => boolean;
  /** The Prometheus registry served at /metrics. */
  metrics: Registry;
  logger: Logger;
  /** Other front ends sharing the port (MCP); mounted before the API. */
  mount?: ((app: Express) => void)[];
  /** Front ends that read their own raw body (Slack's events), served before Express. */
  earlyRoutes?: EarlyRoute[];
}

export interface RunningHttpServer {
  url: string;
  close(): Promise<void>;
}

export interface HttpServer {
  app: Express;
  listen(): Promise<RunningHttpServer>;
}

const PUBLIC_DIR = join(dirname(fileURLToPath(import.meta.url)), "public");
/** Time a closing server gives requests in flight before it drops their connections. */
const DRAIN_MS = 10_000;

/** One port for everything: the web page, /api/v1, /metrics and any mounted front end. */
export function createHttpServer(deps: HttpServerDeps): HttpServer {
  const app = express();
  app.disable("x-powered-by");
  // Behind an ingress every caller would share the proxy's address (one rate limit for all) without this.
  if (deps.settings.trustProxyHops) app.set("trust proxy", deps.settings.trustProxyHops);
  app.use(securityHeaders);
  if (!deps.settings.apiToken && !deps.settings.allowRemote) app.use(requireLoopbackHost);
  for (const mount of deps.mount ?? []) mount(app);

  const api = express.Router();
  mountHealthRoute(api);
  mountReadyRoute(api, { checks: deps.readiness, draining: deps.draining });
  mountToolsRoute(api, deps.answers.tools, deps.settings.apiToken);
  mountQueryRoute(api, {
    answers: deps.answers,
    conversations: deps.conversations,
    apiToken: deps.settings.apiToken,
    rateLimiter: deps.rateLimiter,
    userPerMinute: deps.limits.userPerMinute,
    logger: deps.logger,
  });
  mountOpenApiRoute(api);
  app.use("/api/v1", api);
  mountMetricsRoute(app, deps.metrics);
  mountPageHeadingsRoute(app);
  app.use(express.static(PUBLIC_DIR, { index: "index.html", dotfiles: "ignore", redirect: false }));
  app.use(notFound);
  app.use(errorHandler(deps.logger));

  return { app, listen: () => listen(app, deps) };
}

async function listen(app: Express, deps: HttpServerDeps): Promise<RunningHttpServer> {
  const { settings, logger } = deps;
  const host = bindHost(settings, logger);
  const server = createServer(
    withEarlyRoutes(deps.earlyRoutes ?? [], (request, response) => app(request, response)),
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(settings.port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  server.headersTimeout = 15_000;
  server.requestTimeout = 120_000;
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  logger.info(
    { event: "http_listening", url, auth: settings.apiToken ? "bearer token" : "none" },
    `K8Helper is listening on ${url}`,
  );
  return { url, close: () => closeServer(server) };
}

/** Without a token the API is open to whoever reaches it, so it stays on loopback unless the user allows otherwise. */
function bindHost(settings: Config["server"], logger: Logger): string {
  if (settings.apiToken) return settings.host;
  if (settings.allowRemote) {
    logger.warn(
      { event: "http_open", host: settings.host },
      "No K8HELPER_API_TOKEN is set and K8HELPER_ALLOW_REMOTE=true: anyone who reaches this port can ask questions.",
    );
    return settings.host;
  }
  const loopback = isLoopback(settings.host) ? settings.host : "127.0.0.1";
  if (loopback !== settings.host) {
    logger.warn(
      { event: "http_loopback", requested: settings.host },
      `HOST=${settings.host} is ignored because no K8HELPER_API_TOKEN is set.`,
    );
  }
  logger.info(
    { event: "http_loopback", host: loopback },
    "No K8HELPER_API_TOKEN is set, so K8Helper listens on loopback only; set one (or K8HELPER_ALLOW_REMOTE=true) to accept remote callers.",
  );
  return loopback;
}

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}
