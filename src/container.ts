import { randomUUID } from "node:crypto";

/**
 * The composition root: config → adapters → core. The only file that imports every adapter;
 * front ends receive what they need from the Container.
 */

import { createAuditLog } from "./adapters/audit/audit-log.js";
import { createMemoryCache } from "./adapters/cache/memory-cache.js";
import { createMemoryRateLimiter } from "./adapters/cache/memory-rate-limiter.js";
import { createMemoryTokenBudget } from "./adapters/cache/memory-token-budget.js";
import { createRedisCache } from "./adapters/cache/redis-cache.js";
import { connectRedis } from "./adapters/cache/redis-connection.js";
import { createRedisRateLimiter } from "./adapters/cache/redis-rate-limiter.js";
import { createRedisTokenBudget } from "./adapters/cache/redis-token-budget.js";
import { writeYaml } from "./adapters/format/yaml-writer.js";
import { createClusterSet } from "./adapters/kubernetes/cluster-set.js";
import { createAgentFromConfig } from "./adapters/llm/create-agent.js";
import { createLogger } from "./adapters/logging/create-logger.js";
import { instrumentClusterSet } from "./adapters/metrics/instrument-cluster.js";
import { createPrometheusMetrics, type PrometheusMetrics } from "./adapters/metrics/prometheus.js";
import { registerReadinessGauges } from "./adapters/metrics/readiness-gauges.js";
import { registerRedisGauges } from "./adapters/metrics/redis-gauges.js";
import { cronRuns } from "./adapters/schedule/cron-runs.js";
import { callerDefaultScope } from "./config/channels.js";
import type { Config } from "./config/config.js";
import {
  type Conversations,
  createConversationStore,
  createConversations,
} from "./core/conversation/index.js";
import { errorMessage } from "./core/errors.js";
import { withTokenBudget } from "./core/llm-token-budget.js";
import { withAnswerNote } from "./core/pipeline/answer-note.js";
import type { AnswerService } from "./core/pipeline/answer-service.js";
import { createPipeline } from "./core/pipeline/pipeline.js";
import { createBuiltinPlanner } from "./core/planner/builtin/index.js";
import { HYBRID_CONFIDENCE_THRESHOLD } from "./core/planner/hybrid.js";
import type {
  Agent,
  AnswerObserver,
  Cache,
  Clock,
  ClusterSet,
  Logger,
  RateLimiter,
  TokenBudget,
} from "./core/ports.js";
import { systemClock } from "./core/ports.js";

export interface Container {
  config: Config;
  logger: Logger;
  clock: Clock;
  clusters: ClusterSet;
  answers: AnswerService;
  /** Follow-up questions: the pipeline read with a conversation's earlier turns, kept in `cache`. */
  conversations: Conversations;
  cache: Cache;
  rateLimiter: RateLimiter;
  /** Each user's daily LLM tokens (K8HELPER_LLM_DAILY_TOKENS), shared through Redis when configured. */
  tokenBudget: TokenBudget;
  observers: AnswerObserver[];
  agent?: Agent;
  metrics: PrometheusMetrics;
  /** Whether the default cluster and the cache answer (GET /api/v1/ready). */
  readiness(): Promise<{
    cluster: { ok: boolean; message?: string };
    cache: { ok: boolean; message?: string };
  }>;
  close(): Promise<void>;
}

/** Replace any adapter (tests, benchmarks, the demo); `agent: null` forces no LLM. */
export interface ContainerOverrides {
  /** A note every answer carries (a snapshot's "snapshot taken …"). */
  answerNote?: string;
  logger?: Logger;
  clock?: Clock;
  clusters?: ClusterSet;
  cache?: Cache;
  rateLimiter?: RateLimiter;
  tokenBudget?: TokenBudget;
  agent?: Agent | null;
  observers?: AnswerObserver[];
  metrics?: PrometheusMetrics;
}

export async function buildContainer(config: Config, overrides: ContainerOverrides = {}): Promise<Container> {
  const logger = overrides.logger ?? createLogger({ level: config.server.logLevel });
  const clock = overrides.clock ?? systemClock;
  const metrics = overrides.metrics ?? createPrometheusMetrics({ processMetrics: true });
  const clusters = instrumentClusterSet(
    overrides.clusters ??
      createClusterSet({
        kubeconfig: config.kube.kubeconfig,
        context: config.kube.context,
        requestTimeoutMs: config.kube.toolTimeoutMs,
      }),
    metrics,
  );
  // One Redis connection shared by the cache, the rate limiter and the token budget; memory when REDIS_URL is unset.
  const redis =
    config.cache.redisUrl && !(overrides.cache && overrides.rateLimiter && overrides.tokenBudget)
      ? await connectRedis({
          url: config.cache.redisUrl,
          logger,
          commandTimeoutMs: config.cache.redisTimeoutMs,
        })
      : undefined;
  if (redis) registerRedisGauges(metrics.registry, () => redis.stats());
  const recordReadiness = registerReadinessGauges(metrics.registry);
  const cache = overrides.cache ?? (redis ? createRedisCache(redis) : createMemoryCache({ clock }));
  const rateLimiter =
    overrides.rateLimiter ?? (redis ? createRedisRateLimiter(redis) : createMemoryRateLimiter(clock));
  const dailyTokens = { dailyTokens: config.limits.llmDailyTokens, clock };
  const tokenBudget =
    overrides.tokenBudget ??
    (redis ? createRedisTokenBudget(redis, dailyTokens) : createMemoryTokenBudget(dailyTokens));
  const llm = overrides.agent === null ? undefined : (overrides.agent ?? createAgentFromConfig(config));
  const agent = llm && withTokenBudget(llm, tokenBudget);
  const observers = overrides.observers ?? [metrics.observer, createAuditLog(logger)];
  const pipeline = createPipeline({
    clusters,
    builtin: createBuiltinPlanner(),
    agent,
    mode: agent ? config.planner : "builtin",
    cache,
    clock,
    logger,
    toYaml: writeYaml,
    cronRuns,
    observers,
    settings: {
      toolTimeoutMs: config.kube.toolTimeoutMs,
      planTtlSeconds: config.cache.planTtlSeconds,
      answerTtlSeconds: config.cache.answerTtlSeconds,
      llmSummary: config.llm.summary,
      hybridThreshold: HYBRID_CONFIDENCE_THRESHOLD,
      defaultNamespace: config.kube.defaultNamespace,
      scopeNamespaces: config.kube.scopeNamespaces,
      callerDefaultScope: callerDefaultScope(config.kube),
      maxAnswerBytes: config.limits.maxAnswerBytes,
    },
  });
  const answers = overrides.answerNote ? withAnswerNote(pipeline, overrides.answerNote) : pipeline;
  const conversations = createConversations({
    answers,
    store: createConversationStore(cache, clock),
    clock,
    logger,
  });
  return {
    config,
    logger,
    clock,
    clusters,
    answers,
    conversations,
    cache,
    rateLimiter,
    tokenBudget,
    observers,
    agent,
    metrics,
    readiness: () =>
      checkReadiness(clusters, cache).then((checks) => {
        recordReadiness(checks);
        return checks;
      }),
    async close() {
      await cache.close();
      await redis?.close();
    },
  };
}

/** Per process, so replicas checking one shared Redis never read each other's stamp. */
const READINESS_KEY = `k8h:ready:${randomUUID()}`;

async function checkReadiness(clusters: ClusterSet, cache: Cache) {
  const cluster = await clusters
    .get()
    .version()
    .then(
      (version) => ({ ok: true, message: version.gitVersion }),
      (error: unknown) => ({ ok: false, message: errorMessage(error) }),
    );
  // The cache adapters never throw; a write that cannot be read back means the store is down.
  const stamp = String(Date.now());
  await cache.set(READINESS_KEY, stamp, 10);
  const cacheOk = (await cache.get(READINESS_KEY)) === stamp;
  return { cluster, cache: cacheOk ? { ok: true } : { ok: false, message: "the cache does not answer" } };
}
