import { Redis } from "ioredis";
import { CodedError, errorMessage } from "../../core/errors.js";
import type { Logger } from "../../core/ports.js";

export interface RedisConnectionOptions {
  /** redis://[:password@]host:port[/db] or rediss:// for TLS. */
  url: string;
  logger: Logger;
  /** A command slower than this counts as a failure (a miss), so a sick Redis never slows an answer. */
  commandTimeoutMs?: number;
  connectTimeoutMs?: number;
  /** Longest pause between reconnection attempts. */
  maxReconnectDelayMs?: number;
  /** Prepended to every key, so several deployments (or tests) can share one Redis. */
  keyPrefix?: string;
  /** After a timeout, how long commands fail at once instead of each waiting for its own timeout. */
  pauseAfterTimeoutMs?: number;
}

export interface RedisConnectionStats {
  /** Commands that failed or timed out. */
  errors: number;
  /** Commands not sent because Redis had just timed out (each also counted in `errors`). */
  skipped: number;
  /** Times Redis went from available to unavailable. */
  outages: number;
  available: boolean;
}

/** One ioredis client shared by the cache, the rate limiter and the token budget of a process. */
export interface RedisConnection {
  readonly client: Redis;
  /** Where Redis is, without the password: safe for logs. */
  readonly safeUrl: string;
  /** Runs commands; a failure is logged once per outage, counted, and comes back as `undefined`. */
  attempt<T>(command: (client: Redis) => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }>;
  stats(): RedisConnectionStats;
  close(): Promise<void>;
}

const NOT_CONNECTED = "Stream isn't writeable";
const TIMED_OUT = "Command timed out";

/**
 * Connects and waits (at most the connect timeout) for the first answer, so start-up logs one clear line
 * when Redis is unreachable or the password is wrong. Never throws for an unreachable Redis: K8Helper then
 * answers without the cache and reconnects in the background.
 */
export async function connectRedis(options: RedisConnectionOptions): Promise<RedisConnection> {
  const safeUrl = redactRedisUrl(options.url);
  const { logger } = options;
  const connectTimeoutMs = options.connectTimeoutMs ?? 1_000;
  const maxDelay = options.maxReconnectDelayMs ?? 2_000;
  const client = new Redis(options.url, {
    keyPrefix: options.keyPrefix ?? "k8helper:",
    commandTimeout: options.commandTimeoutMs ?? 100,
    connectTimeout: connectTimeoutMs,
    // Commands fail at once while disconnected instead of queueing without bound.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => Math.min(attempt * 100, maxDelay),
    lazyConnect: true,
  });

  let available: boolean | undefined;
  let errors = 0;
  let skipped = 0;
  let outages = 0;
  // A hung Redis (or a peer gone without closing the socket) times out every command: after one timeout the
  // next commands fail at once for a moment, so a question pays one timeout, not one per command.
  const pauseMs = options.pauseAfterTimeoutMs ?? 1_000;
  let pausedUntil = 0;
  let lastConnectionError: string | undefined;
  let closing = false;

  const markDown = (reason: string) => {
    if (closing || available === false) return;
    available = false;
    outages += 1;
    logger.warn(
      { redis: safeUrl, reason },
      `Redis unavailable (${reason}): answering without the cache until it returns`,
    );
  };
  const markUp = () => {
    if (available === false) logger.info({ redis: safeUrl }, "Redis available again: the cache is back");
    available = true;
    lastConnectionError = undefined;
    pausedUntil = 0;
  };

  client.on("error", (error: Error) => {
    lastConnectionError = describeRedisError(error);
    markDown(lastConnectionError);
  });
  client.on("ready", markUp);

  const firstContact = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, connectTimeoutMs + 200);
    const settle = () => {
      clearTimeout(timer);
      resolve();
    };
    client.once("ready", settle);
    client.once("error", settle);
  });
  client.connect().catch(() => {
    // Reported through the "error" event; reconnection continues in the background.
  });
  await firstContact;
  if (available === undefined) markDown(lastConnectionError ?? `no answer within ${connectTimeoutMs} ms`);

  return {
    client,
    safeUrl,
    async attempt(command) {
      if (Date.now() < pausedUntil) {
        errors += 1;
        skipped += 1;
        return { ok: false };
      }
      try {
        const value = await command(client);
        if (available === false) markUp();
        return { ok: true, value };
      } catch (error) {
        errors += 1;
        const message = errorMessage(error);
        if (message.includes(TIMED_OUT)) pausedUntil = Date.now() + pauseMs;
        markDown(
          message.includes(NOT_CONNECTED)
            ? (lastConnectionError ?? "not connected")
            : describeRedisError(error),
        );
        return { ok: false };
      }
    },
    stats: () => ({ errors, skipped, outages, available: available === true }),
    async close() {
      closing = true;
      client.disconnect();
    },
  };
}

/** The reason in words an operator can act on. */
export function describeRedisError(error: unknown): string {
  const message = errorMessage(error);
  const code = (error as { code?: string }).code;
  if (/WRONGPASS|NOAUTH|invalid password/i.test(message)) {
    return "authentication failed: check the password in REDIS_URL";
  }
  if (code === "ECONNREFUSED") return `connection refused (${message.replace(/^connect /, "")})`;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return `host not found (${message})`;
  if (code === "ETIMEDOUT" || /timed? ?out/i.test(message)) return `timed out (${message})`;
  return message;
}

/** The URL with its password replaced, for logs. */
export function redactRedisUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CodedError(
      "config",
      "REDIS_URL is not a URL: expected redis://[:password@]host:port[/db] or rediss://",
    );
  }
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:") {
    throw new CodedError(
      "config",
      `REDIS_URL must start with redis:// or rediss://, not ${parsed.protocol}//`,
    );
  }
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}
