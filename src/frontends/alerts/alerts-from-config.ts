import { webApi } from "@slack/bolt";
import { loadAlertRoutes } from "../../config/alert-routes.js";
import { loadChannelScopes } from "../../config/channels.js";
import type { Config } from "../../config/config.js";
import type { AnswerService } from "../../core/pipeline/answer-service.js";
import type { Agent, Cache, Clock, Logger, RateLimiter } from "../../core/ports.js";
import { type AlertDelivery, slackAlertDelivery } from "./alert-delivery.js";
import type { AlertPosterDeps } from "./alert-poster.js";

export interface AlertParts {
  config: Pick<Config, "alerts" | "slack">;
  answers: AnswerService;
  cache: Cache;
  rateLimiter: RateLimiter;
  clock: Clock;
  logger: Logger;
  /** The configured LLM, if any: it writes each investigation's narrative. */
  agent?: Agent;
}

/** The alerts endpoint's dependencies, or undefined when K8HELPER_ALERTS_TOKEN is unset (the route then does not exist). */
export function alertsFromConfig(parts: AlertParts): (AlertPosterDeps & { token: string }) | undefined {
  const { alerts, slack } = parts.config;
  if (!alerts) return undefined;
  const delivery: AlertDelivery | undefined = slack
    ? slackAlertDelivery(
        new webApi.WebClient(slack.botToken, { ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {}) }),
      )
    : undefined;
  return {
    token: alerts.token,
    answers: parts.answers,
    routes: loadAlertRoutes(alerts.routesFile),
    scopes: loadChannelScopes(slack?.channelsFile),
    cache: parts.cache,
    rateLimiter: parts.rateLimiter,
    investigationsPerMinute: alerts.investigationsPerMinute,
    delivery,
    clock: parts.clock,
    logger: parts.logger,
    ...(parts.agent ? { narrator: parts.agent } : {}),
  };
}
