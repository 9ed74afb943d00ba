import { z } from "zod";

/** The largest window any tool accepts: a year, as kubectl's --since accepts. */
export const MAX_SINCE_SECONDS = 31_536_000;

/** `since_seconds`, the same on events, logs and recent changes. */
export function sinceSecondsArg(description: string) {
  return z.number().int().min(1).max(MAX_SINCE_SECONDS).optional().describe(description);
}

/** The start of a window of `seconds` ending at `nowMs`; no window starts at 0. */
export function windowStart(nowMs: number, seconds: number | undefined): number {
  return seconds === undefined ? 0 : nowMs - seconds * 1000;
}
