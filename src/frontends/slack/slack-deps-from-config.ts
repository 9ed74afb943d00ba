import { loadChannelScopes } from "../../config/channels.js";
import type { Config } from "../../config/config.js";
import type { Conversations } from "../../core/conversation/index.js";
import type { AnswerService } from "../../core/pipeline/answer-service.js";
import type { Cache, Clock, Logger, RateLimiter } from "../../core/ports.js";
import type { SlackDeps } from "./slack-deps.js";

/** What the composition root already has (the Container fits as it is). */
export interface SlackParts {
  config: Pick<Config, "slack" | "limits">;
  answers: AnswerService;
  conversations?: Conversations;
  rateLimiter: RateLimiter;
  cache: Cache;
  logger: Logger;
  clock?: Clock;
}

/**
 * The Slack bot's dependencies, or undefined when SLACK_BOT_TOKEN is unset. Reads K8HELPER_CHANNELS now, so
 * an invalid scope file stops start-up with every problem listed.
 */
export function slackDepsFromConfig(parts: SlackParts): SlackDeps | undefined {
  const { slack, limits } = parts.config;
  if (!slack) return undefined;
  return {
    settings: slack,
    answers: parts.answers,
    conversations: parts.conversations,
    rateLimiter: parts.rateLimiter,
    dedup: parts.cache,
    channels: loadChannelScopes(slack.channelsFile),
    logger: parts.logger,
    limits: { userPerMinute: limits.userPerMinute, channelPerMinute: limits.channelPerMinute },
    clock: parts.clock,
  };
}
