import { Cron } from "croner";
import type { CronRuns } from "../../core/ports.js";

/** The core's CronRuns through croner (five-field cron with time zones, as CronJobs use it), the library the alert schedules use too. */
export const cronRuns: CronRuns = (schedule, timeZone, beforeMs, limit) =>
  new Cron(schedule, { timezone: timeZone ?? "UTC", paused: true })
    .previousRuns(limit, new Date(beforeMs))
    .map((date) => date.getTime());
