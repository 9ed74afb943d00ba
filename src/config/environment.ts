import { existsSync, readFileSync } from "node:fs";
import { parse as parseDotenv } from "dotenv";

export interface LoadConfigOptions {
  /** The environment to read (default: process.env). */
  env?: Record<string, string | undefined>;
  /** A .env file read under the environment (default: ./.env when present). */
  dotenvPath?: string;
  /** Settings used when neither the environment nor the file sets them (a command's own defaults). */
  defaults?: Record<string, string>;
  /** Settings that win over both (command-line flags such as --kubeconfig). */
  overrides?: Record<string, string | undefined>;
}

/** The settings before validation: a command's defaults, then .env, then the environment, then its flags. */
export function rawEnvironment(options: LoadConfigOptions = {}): Record<string, string> {
  return {
    ...options.defaults,
    ...readDotenv(options.dotenvPath ?? ".env"),
    ...withoutEmpty(options.env ?? process.env),
    ...withoutEmpty(options.overrides ?? {}),
  };
}

/** What makes the configured planner an LLM one: K8HELPER_PLANNER, or an LLM's key (the default is then hybrid). */
const PLANNER_CHOOSING_SETTINGS = [
  "K8HELPER_PLANNER",
  "OPENAI_API_KEY",
  "HUNYUAN_API_KEY",
  "TENCENT_SECRET_ID",
  "TENCENT_SECRET_KEY",
] as const;

/**
 * True when the settings can only choose the builtin planner. A CLI command that plans offline then needs no
 * validated configuration, whose schema (zod) is the largest part of `k8helper plan`'s start-up.
 */
export function choosesBuiltinPlanner(env: Record<string, string>): boolean {
  const planner = env.K8HELPER_PLANNER?.trim();
  if (planner) return planner === "builtin";
  return PLANNER_CHOOSING_SETTINGS.every((setting) => !env[setting]?.trim());
}

function readDotenv(path: string): Record<string, string> {
  return existsSync(path) ? parseDotenv(readFileSync(path)) : {};
}

/** An empty variable (`FOO=`) counts as unset, as most tools treat it. */
function withoutEmpty(env: Record<string, string | undefined>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(env))
    if (value !== undefined && value !== "") result[key] = value;
  return result;
}
