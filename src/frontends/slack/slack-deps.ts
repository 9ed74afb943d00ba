import type { ChannelScopes } from "../../config/channels.js";
import type { Config } from "../../config/config.js";
import type { Conversations } from "../../core/conversation/index.js";
import type { AnswerService } from "../../core/pipeline/answer-service.js";
import type { Cache, Clock, Logger, RateLimiter } from "../../core/ports.js";
import type { SendPacer } from "./send-pacing.js";

/** What the Slack front end needs from the container. */
export interface SlackDeps {
  settings: NonNullable<Config["slack"]>;
  answers: AnswerService;
  /** Follow-ups in threads and DMs; without it every question stands alone. */
  conversations?: Conversations;
  rateLimiter: RateLimiter;
  /** Event de-duplication (setIfAbsent on event ids) and the recent answers Details reads; shared through Redis when set. */
  dedup: Cache;
  channels: ChannelScopes;
  logger: Logger;
  /** Questions a minute per user, and optionally per channel (an incident channel full of people). */
  limits: {
    userPerMinute: number;
    channelPerMinute?: number;
    /** Questions in the pipeline at once from this bot (default 16): a burst queues, the API server is spared. */
    concurrentAnswers?: number;
  };
  clock?: Clock;
  /** Sends within Slack's budgets, counted in `rateLimiter` (createSlackApp makes it; tests may pass one). */
  pacer?: SendPacer;
}
