import { CronExpressionParser } from "cron-parser";
import type { CronRuns } from "../../core/ports.js";

/** The core's CronRuns through cron-parser (five-field cron with time zones, as CronJobs use it). */
export const cronRuns: CronRuns = (schedule, timeZone, beforeMs, limit) => {
  const expression = CronExpressionParser.parse(schedule, {
    currentDate: new Date(beforeMs),
    tz: timeZone ?? "UTC",
  });
  const due: number[] = [];
  while (due.length < limit) due.push(expression.prev().getTime());
  return due;
};
