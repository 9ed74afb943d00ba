import { existsSync, readFileSync } from "node:fs";
import { parse as parseDotenv } from "dotenv";
import { CodedError } from "../core/errors.js";
import { type Config, configFromEnvironment } from "./config.js";
import { environmentSchema } from "./schema.js";

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

/** Reads the environment once; an invalid setting throws one error that lists every problem. */
export function loadConfig(options: LoadConfigOptions = {}): Config {
  const fromFile = readDotenv(options.dotenvPath ?? ".env");
  const env = {
    ...options.defaults,
    ...fromFile,
    ...withoutEmpty(options.env ?? process.env),
    ...withoutEmpty(options.overrides ?? {}),
  };
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new CodedError("config", `Invalid configuration:\n${problems.join("\n")}`, {
      problems: parsed.error.issues.map((issue) => ({
        setting: issue.path.join("."),
        message: issue.message,
      })),
    });
  }
  return configFromEnvironment(parsed.data);
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
