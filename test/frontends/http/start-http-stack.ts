import type { Config } from "../../../src/config/config.js";
import type { Logger, RateLimiter } from "../../../src/core/ports.js";
import { silentLogger } from "../../../src/core/ports.js";
import { createHttpServer, type RunningHttpServer } from "../../../src/frontends/http/server.js";
import { startTestStack, type TestStack, type TestStackOptions } from "../../helpers/answer-service.js";

export interface ServeOptions {
  /** Whether the server is draining (readiness 503). */
  draining?: () => boolean;
  settings?: Partial<Config["server"]>;
  userPerMinute?: number;
  /** The stack's own limiter when absent (shared by every server on the stack). */
  rateLimiter?: RateLimiter;
  logger?: Logger;
}

export interface HttpStack extends TestStack {
  /** The server's base URL, `http://127.0.0.1:PORT`. */
  url: string;
}

/** Another real HTTP server (its own settings) in front of a stack's pipeline, on a free loopback port. */
export function serveHttp(stack: TestStack, options: ServeOptions = {}): Promise<RunningHttpServer> {
  const { container } = stack;
  return createHttpServer({
    answers: stack.answers,
    conversations: container.conversations,
    settings: { ...container.config.server, port: 0, host: "127.0.0.1", ...options.settings },
    rateLimiter: options.rateLimiter ?? container.rateLimiter,
    limits: { userPerMinute: options.userPerMinute ?? 1_000_000 },
    readiness: () => container.readiness(),
    draining: options.draining,
    metrics: container.metrics.registry,
    logger: options.logger ?? silentLogger,
  }).listen();
}

/** The real HTTP server in front of the real pipeline on a fresh simulated cluster. */
export async function startHttpStack(options: TestStackOptions & ServeOptions = {}): Promise<HttpStack> {
  const stack = await startTestStack(options);
  const running = await serveHttp(stack, options);
  return {
    ...stack,
    url: running.url,
    async close() {
      await running.close();
      await stack.close();
    },
  };
}

/** POSTs a JSON question the way the seed's clients do. */
export function postQuery(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${url}/api/v1/query`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}
