/**
 * Slack's rate limits as its rate-limits page documents them, applied per app and workspace (one fake is one
 * workspace): Tier-3 methods allow about 50 calls a minute each; chat.postMessage about one message a second
 * per channel with short bursts. Over a limit Slack answers HTTP 429 with `Retry-After` (seconds) and
 * `{"ok":false,"error":"ratelimited"}`; a call to that method before Retry-After has passed is limited again.
 */
export interface RateLimitRules {
  /** Calls a minute per Tier-3 method (Slack says "50+"; the fake holds to 50 in any 60 s). */
  tier3PerMinute: number;
  /** chat.postMessage per channel: a bucket of this many messages, refilled at one a second. */
  channelBurst: number;
  /** The length of the Tier-3 "minute" (a test shortens it, with the bot's, to see answers wait). */
  minuteMs: number;
}

export const SLACK_RATE_LIMITS: RateLimitRules = { tier3PerMinute: 50, channelBurst: 4, minuteMs: 60_000 };

/** The Tier-3 methods among those the app calls (chat.postEphemeral, views.publish and files.* are Tier 4). */
const TIER3_METHODS = new Set(["chat.update", "chat.delete"]);

export interface RateLimitVerdict {
  retryAfterSeconds: number;
  reason: string;
}

export interface SlackRateLimits {
  /** Undefined when the call may go (and it is counted), else why it is limited and for how long. */
  check(method: string, params: Record<string, unknown>, at: number): RateLimitVerdict | undefined;
  /** A 429 given for another reason (an injected failure): the caller must wait as long as after a real one. */
  limited(method: string, params: Record<string, unknown>, retryAfterSeconds: number, at: number): void;
}

export function slackRateLimits(rules: RateLimitRules = SLACK_RATE_LIMITS): SlackRateLimits {
  const tier3Calls = new Map<string, number[]>();
  const channelBuckets = new Map<string, { tokens: number; at: number }>();
  const retryAfterUntil = new Map<string, number>();

  /** What a Retry-After holds back: the Tier-3 method workspace-wide, chat.postMessage in that channel. */
  const limitKey = (method: string, params: Record<string, unknown>) =>
    method === "chat.postMessage" ? `${method} in ${String(params.channel)}` : method;
  const limited = (
    method: string,
    params: Record<string, unknown>,
    retryAfterSeconds: number,
    at: number,
  ) => {
    const key = limitKey(method, params);
    retryAfterUntil.set(key, Math.max(retryAfterUntil.get(key) ?? 0, at + retryAfterSeconds * 1_000));
  };

  const tier3 = (method: string, at: number): RateLimitVerdict | undefined => {
    const calls = (tier3Calls.get(method) ?? []).filter((time) => time > at - rules.minuteMs);
    tier3Calls.set(method, calls);
    if (calls.length >= rules.tier3PerMinute) {
      const retryAfterSeconds = Math.max(1, Math.ceil((calls[0] + rules.minuteMs - at) / 1_000));
      return {
        retryAfterSeconds,
        reason: `${method}: over ${rules.tier3PerMinute} calls in a minute (Tier 3)`,
      };
    }
    calls.push(at);
    return undefined;
  };

  const channelPost = (channel: string, at: number): RateLimitVerdict | undefined => {
    const bucket = channelBuckets.get(channel) ?? { tokens: rules.channelBurst, at };
    bucket.tokens = Math.min(rules.channelBurst, bucket.tokens + (at - bucket.at) / 1_000);
    bucket.at = at;
    channelBuckets.set(channel, bucket);
    if (bucket.tokens < 1)
      return { retryAfterSeconds: 1, reason: `chat.postMessage: over one message a second in ${channel}` };
    bucket.tokens -= 1;
    return undefined;
  };

  return {
    check(method, params, at) {
      const until = retryAfterUntil.get(limitKey(method, params));
      if (until !== undefined && at < until)
        return {
          retryAfterSeconds: Math.max(1, Math.ceil((until - at) / 1_000)),
          reason: `${limitKey(method, params)}: called again before its Retry-After had passed`,
        };
      const verdict = TIER3_METHODS.has(method)
        ? tier3(method, at)
        : method === "chat.postMessage"
          ? channelPost(String(params.channel), at)
          : undefined;
      if (verdict) limited(method, params, verdict.retryAfterSeconds, at);
      return verdict;
    },
    limited,
  };
}
