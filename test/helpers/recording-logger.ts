import type { Logger } from "../../src/core/ports.js";

export interface LogEntry {
  level: "debug" | "info" | "warn" | "error";
  fields: Record<string, unknown>;
  message?: string;
}

/** A Logger that keeps what it was told, so tests can find a log line ("Redis unavailable", an audit event). */
export function recordingLogger(): Logger & {
  entries: LogEntry[];
  messages(level: LogEntry["level"]): string[];
} {
  const entries: LogEntry[] = [];
  const at =
    (level: LogEntry["level"]) =>
    (fields: Record<string, unknown>, message?: string): void => {
      entries.push({ level, fields, message });
    };
  return {
    entries,
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    messages: (level) => entries.filter((entry) => entry.level === level).map((entry) => entry.message ?? ""),
  };
}
