import { CodedError } from "../core/errors.js";
import { type Config, configFromEnvironment } from "./config.js";
import { type LoadConfigOptions, rawEnvironment } from "./environment.js";
import { environmentSchema } from "./schema.js";

export type { LoadConfigOptions } from "./environment.js";

/** Reads the environment once; an invalid setting throws one error that lists every problem. */
export function loadConfig(options: LoadConfigOptions = {}): Config {
  const parsed = environmentSchema.safeParse(rawEnvironment(options));
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
