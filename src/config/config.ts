import { homedir } from "node:os";
import { join } from "node:path";
import { CodedError } from "../core/errors.js";
import type { PlannerMode } from "../core/planner/modes.js";
import type { Environment } from "./schema.js";

/** The settings, grouped by the adapter that receives them. */
export interface Config {
  kube: {
    kubeconfig?: string;
    context?: string;
    /** Unset: a question that names no namespace covers the whole scope. */
    defaultNamespace?: string;
    /** K8HELPER_SCOPE_NAMESPACES: the namespaces every caller may read; unset, what the RBAC allows. */
    scopeNamespaces?: string[];
    /**
     * K8HELPER_CHANNELS, the channels file: with K8HELPER_SCOPE_NAMESPACES unset, its `default` entry is also the
     * scope of every caller that has no channel (REST, the web page, MCP, the CLI).
     */
    channelsFile?: string;
    toolTimeoutMs: number;
    strictRbac: boolean;
  };
  server: {
    port: number;
    host: string;
    apiToken?: string;
    allowRemote: boolean;
    logLevel: Environment["LOG_LEVEL"];
    /** Proxies in front whose X-Forwarded-For names the caller (rate limits, audit); 0 trusts none. */
    trustProxyHops?: number;
  };
  planner: PlannerMode;
  llm: {
    summary: boolean;
    timeoutMs: number;
    maxRetries: number;
    /** Tool calls the LLM may have run per round and per question. */
    maxCallsPerRound: number;
    maxCallsPerQuestion: number;
    openai?: { apiKey: string; baseURL?: string; model: string };
    hunyuan?: { secretId: string; secretKey: string; model: string; region: string; endpoint?: string };
  };
  slack?: {
    botToken: string;
    appToken?: string;
    signingSecret?: string;
    apiUrl?: string;
    channelsFile?: string;
  };
  /** The Alertmanager webhook: off (404) without its own bearer token. */
  alerts?: { token: string; routesFile?: string; investigationsPerMinute: number };
  cache: { redisUrl?: string; redisTimeoutMs: number; planTtlSeconds: number; answerTtlSeconds: number };
  limits: {
    userPerMinute: number;
    channelPerMinute: number;
    llmDailyTokens: number;
    /** K8HELPER_MAX_ANSWER_BYTES: an answer's parts are cut beyond this size (the schema's default: 256 KiB). */
    maxAnswerBytes?: number;
  };
  /** The CLI's state directory (the conversation `ask --continue` continues). */
  stateDir: string;
}

export function configFromEnvironment(env: Environment): Config {
  const problems: string[] = [];
  const openai = openaiSettings(env);
  const hunyuan =
    env.TENCENT_SECRET_ID && env.TENCENT_SECRET_KEY
      ? {
          secretId: env.TENCENT_SECRET_ID,
          secretKey: env.TENCENT_SECRET_KEY,
          model: env.HUNYUAN_MODEL,
          region: env.HUNYUAN_REGION,
          endpoint: env.HUNYUAN_ENDPOINT,
        }
      : undefined;
  if (Boolean(env.TENCENT_SECRET_ID) !== Boolean(env.TENCENT_SECRET_KEY)) {
    problems.push("TENCENT_SECRET_ID and TENCENT_SECRET_KEY go together: set both or neither");
  }
  const planner = env.K8HELPER_PLANNER ?? (openai || hunyuan ? "hybrid" : "builtin");
  if (planner === "openai" && !openai) {
    problems.push(
      "K8HELPER_PLANNER=openai needs OPENAI_API_KEY (or HUNYUAN_API_KEY for Hunyuan's OpenAI-compatible endpoint)",
    );
  }
  if (planner === "hunyuan" && !hunyuan) {
    problems.push("K8HELPER_PLANNER=hunyuan needs TENCENT_SECRET_ID and TENCENT_SECRET_KEY");
  }
  if (planner === "hybrid" && !openai && !hunyuan) {
    problems.push(
      "K8HELPER_PLANNER=hybrid needs an LLM: OPENAI_API_KEY, HUNYUAN_API_KEY or TENCENT_SECRET_ID/TENCENT_SECRET_KEY",
    );
  }
  if (env.SLACK_APP_TOKEN && !env.SLACK_BOT_TOKEN) problems.push("SLACK_APP_TOKEN needs SLACK_BOT_TOKEN");
  if (env.SLACK_BOT_TOKEN && !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
    problems.push("SLACK_BOT_TOKEN needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode)");
  }
  if (env.K8HELPER_ALERT_ROUTES && !env.K8HELPER_ALERTS_TOKEN) {
    problems.push(
      "K8HELPER_ALERT_ROUTES needs K8HELPER_ALERTS_TOKEN: the alerts endpoint is never open without one",
    );
  }
  if (
    env.K8HELPER_DEFAULT_NAMESPACE &&
    env.K8HELPER_SCOPE_NAMESPACES &&
    !env.K8HELPER_SCOPE_NAMESPACES.includes(env.K8HELPER_DEFAULT_NAMESPACE)
  ) {
    problems.push("K8HELPER_DEFAULT_NAMESPACE must be one of K8HELPER_SCOPE_NAMESPACES");
  }
  if (problems.length > 0) {
    throw new CodedError("config", `Invalid configuration:\n${problems.map((p) => `  ${p}`).join("\n")}`, {
      problems: problems.map((message) => ({ setting: "", message })),
    });
  }
  return {
    kube: {
      kubeconfig: env.KUBECONFIG,
      context: env.K8HELPER_CONTEXT,
      defaultNamespace: env.K8HELPER_DEFAULT_NAMESPACE,
      scopeNamespaces: env.K8HELPER_SCOPE_NAMESPACES,
      channelsFile: env.K8HELPER_CHANNELS,
      toolTimeoutMs: env.K8HELPER_TOOL_TIMEOUT_MS,
      strictRbac: env.K8HELPER_STRICT_RBAC,
    },
    server: {
      port: env.PORT,
      host: env.HOST ?? (env.K8HELPER_ALLOW_REMOTE || env.K8HELPER_API_TOKEN ? "0.0.0.0" : "127.0.0.1"),
      apiToken: env.K8HELPER_API_TOKEN,
      allowRemote: env.K8HELPER_ALLOW_REMOTE,
      trustProxyHops: env.K8HELPER_TRUST_PROXY_HOPS,
      logLevel: env.LOG_LEVEL,
    },
    planner,
    llm: {
      summary: env.K8HELPER_LLM_SUMMARY,
      timeoutMs: env.K8HELPER_LLM_TIMEOUT_MS,
      maxRetries: env.K8HELPER_LLM_MAX_RETRIES,
      maxCallsPerRound: env.K8HELPER_LLM_MAX_CALLS_PER_ROUND,
      maxCallsPerQuestion: env.K8HELPER_LLM_MAX_CALLS_PER_QUESTION,
      openai,
      hunyuan,
    },
    slack: env.SLACK_BOT_TOKEN
      ? {
          botToken: env.SLACK_BOT_TOKEN,
          appToken: env.SLACK_APP_TOKEN,
          signingSecret: env.SLACK_SIGNING_SECRET,
          apiUrl: env.SLACK_API_URL,
          channelsFile: env.K8HELPER_CHANNELS,
        }
      : undefined,
    alerts: env.K8HELPER_ALERTS_TOKEN
      ? {
          token: env.K8HELPER_ALERTS_TOKEN,
          routesFile: env.K8HELPER_ALERT_ROUTES,
          investigationsPerMinute: env.K8HELPER_ALERT_INVESTIGATIONS_PER_MINUTE,
        }
      : undefined,
    cache: {
      redisUrl: env.REDIS_URL,
      redisTimeoutMs: env.K8HELPER_REDIS_TIMEOUT_MS,
      planTtlSeconds: env.K8HELPER_PLAN_TTL,
      answerTtlSeconds: env.K8HELPER_ANSWER_TTL,
    },
    limits: {
      userPerMinute: env.K8HELPER_RATE_LIMIT_PER_MINUTE,
      channelPerMinute: env.K8HELPER_CHANNEL_RATE_LIMIT_PER_MINUTE,
      llmDailyTokens: env.K8HELPER_LLM_DAILY_TOKENS,
      maxAnswerBytes: env.K8HELPER_MAX_ANSWER_BYTES,
    },
    stateDir: stateDirectory(env),
  };
}

function stateDirectory(env: Environment): string {
  if (env.XDG_STATE_HOME) return join(env.XDG_STATE_HOME, "k8helper");
  return join(env.HOME ?? homedir(), ".local", "state", "k8helper");
}

const HUNYUAN_OPENAI_URL = "https://api.hunyuan.cloud.tencent.com/v1";

/** OPENAI_API_KEY, or HUNYUAN_API_KEY for Hunyuan's OpenAI-compatible endpoint. */
function openaiSettings(env: Environment): Config["llm"]["openai"] {
  if (env.OPENAI_API_KEY)
    return { apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL, model: env.OPENAI_MODEL };
  if (env.HUNYUAN_API_KEY) {
    return {
      apiKey: env.HUNYUAN_API_KEY,
      baseURL: env.OPENAI_BASE_URL ?? HUNYUAN_OPENAI_URL,
      model: env.OPENAI_MODEL === "gpt-4o-mini" ? env.HUNYUAN_MODEL : env.OPENAI_MODEL,
    };
  }
  return undefined;
}
