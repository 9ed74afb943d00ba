import type { webApi } from "@slack/bolt";
import type { RateLimiter } from "../../core/ports.js";

/**
 * Slack's budgets, counted in the shared rate limiter (Redis when configured, so every replica spends one
 * budget; per process otherwise). chat.update and chat.delete are Tier 3: about 50 a minute per method and
 * workspace; chat.postMessage allows about one message a second per channel with short bursts. We keep under
 * both: 45 a minute (a margin for calls in flight), and 3 posts in any 3 s per channel.
 */
const TIER3_PER_MINUTE = 45;
/** Progress edits may spend only this much of the Tier-3 minute: the rest stays for answers. */
const PROGRESS_PER_MINUTE = 20;
/** Placeholders a minute: each is replaced by a chat.update, so together they stay inside the Tier-3 minute. */
const PLACEHOLDERS_PER_MINUTE = 20;
const CHANNEL_POSTS = { limit: 3, windowSeconds: 3 };
const TIER3_METHODS = new Set(["chat.update", "chat.delete"]);

/** Marks a call whose budget was already taken (an optional send), so the client does not count it twice. */
const ALREADY_PACED = Symbol("already paced");

/** The arguments of a send whose budget the caller took itself (takeProgress, takePost). */
export function alreadyPaced<T extends object>(args: T): T {
  return Object.assign(args, { [ALREADY_PACED]: true });
}

export interface SendPacer {
  /** Waits until Slack's budget lets this call go, then counts it: answers and notices always go, later if need be. */
  beforeSend(method: string, channel: string | undefined): Promise<void>;
  /** An optional progress edit: true (and counted) when one may go now in this channel; never waits. */
  takeProgress(channel: string): Promise<boolean>;
  /** An optional post (a placeholder): true (and counted) when the channel and the edit budget have room now. */
  takePost(channel: string): Promise<boolean>;
}

interface Budget {
  key: string;
  limit: number;
  windowSeconds: number;
}

function budgetFor(method: string, channel: string | undefined): Budget | undefined {
  if (TIER3_METHODS.has(method))
    return { key: `slack:pace:${method}`, limit: TIER3_PER_MINUTE, windowSeconds: 60 };
  if (method === "chat.postMessage" && channel)
    return { key: `slack:pace:post:${channel}`, ...CHANNEL_POSTS };
  return undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createSendPacer(limiter: RateLimiter): SendPacer {
  const take = (budget: Budget) => limiter.take(budget.key, budget.limit, budget.windowSeconds);
  return {
    async beforeSend(method, channel) {
      const budget = budgetFor(method, channel);
      if (!budget) return;
      for (;;) {
        const decision = await take(budget);
        if (decision.allowed) return;
        await sleep(decision.retryAfterMs ?? decision.retryAfterSeconds * 1_000);
      }
    },
    async takeProgress(channel) {
      const inChannel = await limiter.take(`slack:pace:progress:${channel}`, 1, 1);
      if (!inChannel.allowed) return false;
      const edits = await limiter.take("slack:pace:chat.update", PROGRESS_PER_MINUTE, 60);
      return edits.allowed;
    },
    async takePost(channel) {
      // Each placeholder costs a chat.update later: beyond this share, answers are posted instead of edited in.
      const placeholders = await limiter.take("slack:pace:placeholders", PLACEHOLDERS_PER_MINUTE, 60);
      if (!placeholders.allowed) return false;
      return (await take(budgetFor("chat.postMessage", channel)!)).allowed;
    },
  };
}

const pacedClients = new WeakSet<webApi.WebClient>();

/**
 * The paced methods of this client wait for their budget first: the listeners, the answers and the alert
 * poster all send through clients Bolt hands out, so pacing them here covers every send.
 */
export function paceClient(client: webApi.WebClient, pacer: SendPacer): webApi.WebClient {
  if (pacedClients.has(client)) return client;
  pacedClients.add(client);
  const chat = client.chat;
  const paced =
    <A extends { channel?: string }, R>(method: string, send: (args: A) => Promise<R>) =>
    async (args: A): Promise<R> => {
      if (!(args as Record<symbol, unknown>)[ALREADY_PACED]) await pacer.beforeSend(method, args.channel);
      return send(args);
    };
  chat.postMessage = paced("chat.postMessage", chat.postMessage);
  chat.update = paced("chat.update", chat.update);
  chat.delete = paced("chat.delete", chat.delete);
  return client;
}
