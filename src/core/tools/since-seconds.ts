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

/** "10 minutes" / "10分钟", "hour" / "1小时": a window as the answer says it (English after "the last"). */
export function windowText(seconds: number): { en: string; zh: string } {
  const [count, en, zh] =
    seconds % 86_400 === 0
      ? [seconds / 86_400, "day", "天"]
      : seconds % 3600 === 0
        ? [seconds / 3600, "hour", "小时"]
        : seconds % 60 === 0
          ? [seconds / 60, "minute", "分钟"]
          : [seconds, "second", "秒"];
  return { en: count === 1 ? en : `${count} ${en}s`, zh: `${count}${zh}` };
}
