import type { webApi } from "@slack/bolt";
import type { RateLimiter } from "../../core/ports.js";

/**
 * Slack's budgets, counted in the shared rate limiter (Redis when configured, so every replica spends one
 * budget; per process otherwise). chat.update and chat.delete are Tier 3: about 50 a minute per method and
 * workspace; chat.postMessage allows about one message a second per channel with short bursts.
 */
export interface SlackBudgets {
  /** Tier-3 calls a minute we allow ourselves (a margin under Slack's 50 for calls in flight). */
  tier3PerMinute: number;
  /** Progress edits go only while fewer chat.update than this went in the minute: the rest stays for answers. */
  progressPerMinute: number;
  /** Placeholders a minute: each is replaced by a chat.update later, so they must fit the Tier-3 minute. */
  placeholdersPerMinute: number;
  /** Posts per channel in `channelWindowSeconds`. */
  channelPosts: number;
  channelWindowSeconds: number;
  /** The length of Slack's "minute" (60; tests shorten it to see answers wait without waiting a minute). */
  minuteSeconds: number;
  /**
   * Added to the minute we count over: Slack counts calls when they arrive, we when they leave, and a call
   * that took longer on its way would otherwise share Slack's window with the next minute's.
   */
  marginSeconds: number;
}

export const SLACK_BUDGETS: SlackBudgets = {
  tier3PerMinute: 45,
  progressPerMinute: 20,
  placeholdersPerMinute: 20,
  channelPosts: 3,
  channelWindowSeconds: 3,
  minuteSeconds: 60,
  marginSeconds: 1,
};

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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createSendPacer(limiter: RateLimiter, budgets: SlackBudgets = SLACK_BUDGETS): SendPacer {
  const minute = budgets.minuteSeconds + budgets.marginSeconds;
  const budgetFor = (method: string, channel: string | undefined): Budget | undefined => {
    if (TIER3_METHODS.has(method))
      return { key: `slack:pace:${method}`, limit: budgets.tier3PerMinute, windowSeconds: minute };
    if (method === "chat.postMessage" && channel)
      return {
        key: `slack:pace:post:${channel}`,
        limit: budgets.channelPosts,
        windowSeconds: budgets.channelWindowSeconds,
      };
    return undefined;
  };
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
      return (await limiter.take("slack:pace:chat.update", budgets.progressPerMinute, minute)).allowed;
    },
    async takePost(channel) {
      // Beyond the placeholders' share, answers are posted themselves instead of edited into a placeholder.
      const placeholders = await limiter.take(
        "slack:pace:placeholders",
        budgets.placeholdersPerMinute,
        minute,
      );
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
