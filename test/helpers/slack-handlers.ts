import { eventually } from "./eventually.js";
import type { LogEntry } from "./recording-logger.js";

/** The last line each Slack handler logs, once everything it sends to Slack has been awaited. */
const HANDLER_DONE = new Set([
  "slack question answered",
  "slack question not answered",
  "slack question rate limited",
  "slack help shown",
]);

/** A pino JSON line in the shape the recording logger keeps (`msg` becomes `message`, the rest `fields`). */
export function logEntryFromJson(line: string): LogEntry {
  const { msg, level, ...fields } = JSON.parse(line) as Record<string, unknown>;
  const levels: Record<number, LogEntry["level"]> = { 20: "debug", 30: "info", 40: "warn", 50: "error" };
  return { level: levels[level as number] ?? "info", fields, message: msg as string | undefined };
}

/** Finished Slack handlers per channel. */
export function finishedHandlers(logs: Iterable<LogEntry>): Map<string, number> {
  const finished = new Map<string, number>();
  for (const { message, fields } of logs) {
    if (typeof fields.channel !== "string" || !HANDLER_DONE.has(message ?? "")) continue;
    finished.set(fields.channel, (finished.get(fields.channel) ?? 0) + 1);
  }
  return finished;
}

/**
 * Resolves once a Slack handler has logged its last line for each channel listed (a channel listed twice
 * waits for two): counting replies afterwards sees any duplicate, with no fixed sleep. `logs` is read on
 * each poll (the harness's recorded entries, or the pressure stack's pino lines parsed).
 */
export function handlersFinished(
  logs: () => Iterable<LogEntry>,
  channels: string[],
  timeoutMs = 30_000,
): Promise<true> {
  const wanted = new Map<string, number>();
  for (const channel of channels) wanted.set(channel, (wanted.get(channel) ?? 0) + 1);
  return eventually(
    () => {
      const finished = finishedHandlers(logs());
      return [...wanted].every(([channel, count]) => (finished.get(channel) ?? 0) >= count) || undefined;
    },
    timeoutMs,
    `Slack handlers did not finish in ${channels.join(", ")}`,
  );
}

export function handlerFinished(
  logs: () => Iterable<LogEntry>,
  channel: string,
  timeoutMs?: number,
): Promise<true> {
  return handlersFinished(logs, [channel], timeoutMs);
}
