import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../../core/ports.js";

function line(parts: unknown[]): string {
  return parts
    .map((part) =>
      part instanceof Error ? part.message : typeof part === "string" ? part : JSON.stringify(part),
    )
    .join(" ");
}

/** Bolt's and the Web API client's logs go through our logger (token-free: they never log tokens). */
export function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const fields = { component: "slack" };
  return {
    debug: (...parts) => logger.debug(fields, line(parts)),
    info: (...parts) => logger.info(fields, line(parts)),
    warn: (...parts) => logger.warn(fields, line(parts)),
    error: (...parts) => logger.error(fields, line(parts)),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
