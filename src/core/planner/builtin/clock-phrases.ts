/**
 * Time windows said against the clock ("since 9am", "today", 今天, "this morning", 从9点起) or loosely ("the last few
 * hours"): rewritten, before the question is read, as the window the grammar already reads ("in the last 412
 * minutes", 最近412分钟), so the phrase becomes `since_seconds` and never a name ("since 9am" is no namespace).
 */
export interface PlanClock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** IANA time zone the user's "9am" and "today" are in; the system's when absent. */
  timeZone?: string;
}

const DAY = 86_400;
const MORNING_HOUR = 6;

interface ClockPhrase {
  pattern: RegExp;
  /** The wall-clock second of the day the window starts at, from the match. */
  start(match: RegExpExecArray): number | undefined;
}

const hourOf = (hour: string, minute: string | undefined, half?: string): number | undefined => {
  let h = Number(hour);
  const m = Number(minute ?? 0);
  if (h > 24 || m > 59) return undefined;
  if (/pm|下午|晚上/i.test(half ?? "") && h < 12) h += 12;
  if (/am/i.test(half ?? "") && h === 12) h = 0;
  return h * 3600 + m * 60;
};

const PHRASES: readonly ClockPhrase[] = [
  // "since 9am", "since 9:30", "since 14:00", "after 10 pm": a colon or am/pm says it is a time, not a count.
  {
    pattern:
      /\b(?:since|from|after)\s+(\d{1,2})(?::(\d{2}))?\s*(am|pm)\b|\b(?:since|from|after)\s+(\d{1,2}):(\d{2})\b/i,
    start: (m) => (m[1] ? hourOf(m[1], m[2], m[3]) : hourOf(m[4], m[5])),
  },
  { pattern: /\b(?:since|from) this morning\b|\bthis morning\b/i, start: () => MORNING_HOUR * 3600 },
  { pattern: /\b(?:so far )?today\b|\bsince midnight\b/i, start: () => 0 },
  // 从9点起, 9点以来, 上午10点之后, 下午3点半以后.
  {
    pattern:
      /(?:从|自)?(上午|下午|晚上|早上)?(\d{1,2})[点點](半|(\d{1,2})分?)?(?:以来|以來|之后|之後|以后|以後|开始|開始|起)/,
    start: (m) => hourOf(m[2], m[3] === "半" ? "30" : m[4], m[1]),
  },
  { pattern: /今天早上|今早|今天上午/, start: () => MORNING_HOUR * 3600 },
  { pattern: /今天|今日/, start: () => 0 },
];

/** "the last few hours", "past couple of minutes": a small count said in words. */
const LOOSE_COUNT = /\b(last|past)\s+(few|couple(?: of)?|several)\s+(minutes|hours|days)\b/i;
const LOOSE_AMOUNT: Record<string, number> = { few: 3, couple: 2, "couple of": 2, several: 3 };

/** "(last 3 hours)", 最近2小时: a window given as a count, which a clock phrase beside it only restates. */
const COUNTED_WINDOW =
  /\b(?:last|past|previous)\s+\d+\s*(?:m|min|mins|minutes?|h|hrs?|hours?|d|days?)\b|(?:最近|过去|過去)\s*\d+\s*(?:分钟|分鐘|小时|小時|天)/i;

export function resolveClockPhrases(text: string, clock: PlanClock): string {
  const loose = LOOSE_COUNT.exec(text);
  let result = loose
    ? text.replace(loose[0], `${loose[1]} ${LOOSE_AMOUNT[loose[2].toLowerCase()] ?? 3} ${loose[3]}`)
    : text;
  const counted = COUNTED_WINDOW.test(result);
  for (const phrase of PHRASES) {
    const match = phrase.pattern.exec(result);
    if (!match) continue;
    // "since this morning (last 3 hours)": the count is the window, whatever the time of day.
    if (counted) {
      result = result.replace(match[0], " ");
      break;
    }
    const start = phrase.start(match);
    if (start === undefined) continue;
    const seconds = secondsSince(start, clock);
    const chinese = /[\u4e00-\u9fff]/.test(match[0]);
    const window = chinese
      ? `最近${Math.ceil(seconds / 60)}分钟`
      : ` in the last ${Math.ceil(seconds / 60)} minutes `;
    result = result.replace(match[0], window);
    break;
  }
  return result;
}

/** Seconds from the last time the wall clock showed `startOfDay` (today's, or yesterday's when that is still ahead). */
function secondsSince(startOfDay: number, clock: PlanClock): number {
  const now = clock.now();
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: clock.timeZone,
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(now));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const clockSecond = part("hour") * 3600 + part("minute") * 60 + part("second");
  const elapsed = clockSecond - startOfDay;
  return Math.max(60, elapsed >= 0 ? elapsed : elapsed + DAY);
}
