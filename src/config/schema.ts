import { z } from "zod";
import { PLANNER_MODES } from "../core/planner/modes.js";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"], { error: "must be true or false" })
  .transform((value) => value === "true" || value === "1" || value === "yes");

const port = z.coerce.number().int().min(0).max(65535);
const seconds = z.coerce.number().int().min(0);
const positiveInt = z.coerce.number().int().min(1);
const optionalText = z.string().trim().min(1).optional();
const url = z.url({ error: "must be a URL" });

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** Every setting K8Helper reads, by its environment name. Only src/config reads the environment. */
export const environmentSchema = z.object({
  // Cluster
  KUBECONFIG: optionalText,
  K8HELPER_CONTEXT: optionalText,
  K8HELPER_DEFAULT_NAMESPACE: z.string().trim().min(1).optional(),
  /** The namespaces every caller (REST, MCP, CLI, Slack) may read, comma-separated; unset: what the RBAC allows. */
  K8HELPER_SCOPE_NAMESPACES: z
    .string()
    .transform((text) =>
      text
        .split(",")
        .map((name) => name.trim())
        .filter((name) => name !== ""),
    )
    .pipe(
      z
        .array(
          z.string().regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, {
            error: "must list Kubernetes namespace names, comma-separated",
          }),
        )
        .min(1, { error: "must list at least one namespace (unset it for all)" }),
    )
    .optional(),
  K8HELPER_TOOL_TIMEOUT_MS: positiveInt.default(15_000),
  K8HELPER_STRICT_RBAC: booleanFlag.default(false),
  // Server
  PORT: port.default(8080),
  HOST: optionalText,
  K8HELPER_API_TOKEN: optionalText,
  K8HELPER_ALLOW_REMOTE: booleanFlag.default(false),
  /** Reverse proxies (ingress) in front of the server whose X-Forwarded-For is trusted for the caller's address. */
  K8HELPER_TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  // Planner and LLMs
  K8HELPER_PLANNER: z.enum(PLANNER_MODES, { error: `must be one of ${PLANNER_MODES.join(", ")}` }).optional(),
  K8HELPER_LLM_SUMMARY: booleanFlag.default(true),
  K8HELPER_LLM_TIMEOUT_MS: positiveInt.default(30_000),
  K8HELPER_LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(1),
  // Bounds on what one LLM can make K8Helper do: calls per round and per question (duplicates run once).
  K8HELPER_LLM_MAX_CALLS_PER_ROUND: z.coerce.number().int().min(1).max(64).default(8),
  K8HELPER_LLM_MAX_CALLS_PER_QUESTION: z.coerce.number().int().min(1).max(128).default(16),
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: url.optional(),
  OPENAI_MODEL: z.string().trim().min(1).default("gpt-4o-mini"),
  HUNYUAN_API_KEY: optionalText,
  TENCENT_SECRET_ID: optionalText,
  TENCENT_SECRET_KEY: optionalText,
  HUNYUAN_MODEL: z.string().trim().min(1).default("hunyuan-turbos-latest"),
  HUNYUAN_REGION: z.string().trim().default("ap-guangzhou"),
  HUNYUAN_ENDPOINT: optionalText,
  // Slack
  SLACK_BOT_TOKEN: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_API_URL: url.optional(),
  K8HELPER_CHANNELS: optionalText,
  // Alertmanager webhook (POST /api/v1/alerts) and scheduled checks
  K8HELPER_ALERTS_TOKEN: optionalText,
  K8HELPER_ALERT_ROUTES: optionalText,
  K8HELPER_ALERT_INVESTIGATIONS_PER_MINUTE: positiveInt.default(10),
  // Cache and shared state
  REDIS_URL: z
    .string()
    .trim()
    .regex(/^rediss?:\/\/\S+$/, {
      error: "must be a redis:// or rediss:// (TLS) URL, e.g. redis://:password@redis:6379/0",
    })
    .optional(),
  K8HELPER_REDIS_TIMEOUT_MS: positiveInt.default(100),
  K8HELPER_PLAN_TTL: seconds.default(86_400),
  K8HELPER_ANSWER_TTL: seconds.default(30),
  K8HELPER_RATE_LIMIT_PER_MINUTE: positiveInt.default(20),
  K8HELPER_CHANNEL_RATE_LIMIT_PER_MINUTE: positiveInt.default(60),
  K8HELPER_LLM_DAILY_TOKENS: positiveInt.default(200_000),
  /** An answer's parts beyond this many bytes are cut, with a note saying so. */
  K8HELPER_MAX_ANSWER_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(256 * 1024),
  // Where the CLI keeps its state (`ask --continue`): $XDG_STATE_HOME/k8helper, else ~/.local/state/k8helper
  XDG_STATE_HOME: optionalText,
  HOME: optionalText,
});

export type Environment = z.infer<typeof environmentSchema>;
