import type { Finding } from "../answer.js";
import type { CronRuns, KubeObject } from "../ports.js";
import { condition } from "../tools/object-shapes.js";
import { isOwnedBy } from "../tools/ownership.js";
import { shortAge } from "../tools/time-format.js";
import type { Analyzer } from "./analyzer.js";
import { eventEvidence, refOf } from "./evidence.js";

// The controller starts a run late by up to this much on a busy cluster; only a later miss counts.
const SLACK_MS = 5 * 60_000;
const MAX_COUNTED_RUNS = 1000;
const MISSED_RUNS = 2;

interface CronJobFields {
  spec?: { schedule?: string; suspend?: boolean; timeZone?: string; startingDeadlineSeconds?: number };
  status?: { lastScheduleTime?: string; lastSuccessfulTime?: string; active?: unknown[] };
}

/** CronJobs that are suspended, never ran, missed their schedule, or whose recent jobs fail. */
export const cronjobsAnalyzer: Analyzer = {
  name: "cronjobs",
  covers: ["cronjobs"],
  reads: ["cronjobs", "jobs", "events"],
  analyze(snapshot, nowMs = Date.now(), aids = {}) {
    return snapshot.cronjobs.flatMap((cron) => {
      const { spec = {}, status = {} } = cron as CronJobFields;
      const lastScheduleMs = Date.parse(status.lastScheduleTime ?? "") || 0;
      const createdMs = Date.parse(cron.metadata.creationTimestamp ?? "") || 0;
      const expected = expectedRuns(
        aids.cronRuns,
        spec.schedule,
        spec.timeZone,
        Math.max(lastScheduleMs, createdMs),
        nowMs,
      );
      const jobs = snapshot.jobs
        .filter((job) => isOwnedBy(job, cron))
        .sort(
          (a, b) =>
            Date.parse(b.metadata.creationTimestamp ?? "") - Date.parse(a.metadata.creationTimestamp ?? ""),
        );
      const facts = [
        `schedule "${spec.schedule ?? "?"}"${spec.timeZone ? ` (${spec.timeZone})` : ""}${spec.suspend ? ", suspended" : ""}`,
        `last schedule: ${stamp(status.lastScheduleTime, nowMs)}; last successful run: ${stamp(status.lastSuccessfulTime, nowMs)}`,
        ...jobs.slice(0, 3).map((job) => `job ${job.metadata.name}: ${jobState(job)}`),
        ...eventEvidence(snapshot, cron, "CronJob", 2),
      ];
      const finding = (severity: Finding["severity"], reason: string, message: string): Finding => ({
        severity,
        object: refOf(cron, "CronJob"),
        reason,
        message,
        evidence: facts,
      });
      const findings: Finding[] = [];
      if (spec.suspend)
        findings.push(
          finding(
            "warning",
            "CronJobSuspended",
            "CronJob is suspended: no new jobs start until it is resumed.",
          ),
        );
      if (!status.lastScheduleTime && expected.count > 0)
        findings.push(
          finding(
            "critical",
            "CronJobNeverRan",
            `CronJob has never run: created ${shortAge(createdMs, nowMs)} ago, it should have run ${expected.count} time${expected.count === 1 ? "" : "s"} (last due ${shortAge(expected.lastDueMs, nowMs)} ago).`,
          ),
        );
      // One missed run can be a late start or a clock-skewed schedule; two in a row are a pattern.
      else if (status.lastScheduleTime && !spec.suspend && expected.count >= MISSED_RUNS)
        findings.push(
          finding(
            "warning",
            "CronJobMissedSchedule",
            `CronJob missed ${expected.count} scheduled run${expected.count === 1 ? "" : "s"}: last run ${shortAge(lastScheduleMs, nowMs)} ago, last due ${shortAge(expected.lastDueMs, nowMs)} ago.`,
          ),
        );
      const recent = jobs.slice(0, 3);
      const failed = recent.filter((job) => condition(job, "Failed")?.status === "True");
      if (recent.length > 0 && failed.length > 0 && failed[0] === recent[0])
        findings.push(
          finding(
            "critical",
            "CronJobFailing",
            `CronJob's last job ${recent[0].metadata.name} failed (${failed.length} of the last ${recent.length}); last success ${stamp(status.lastSuccessfulTime, nowMs)}.`,
          ),
        );
      return findings;
    });
  },
};

/** Runs due after `sinceMs` and more than the slack before now; an unreadable schedule counts none. */
function expectedRuns(
  cronRuns: CronRuns | undefined,
  schedule: string | undefined,
  timeZone: string | undefined,
  sinceMs: number,
  nowMs: number,
): { count: number; lastDueMs: number } {
  if (!cronRuns || !schedule || !sinceMs) return { count: 0, lastDueMs: 0 };
  try {
    const due = cronRuns(schedule, timeZone, nowMs - SLACK_MS, MAX_COUNTED_RUNS).filter(
      (at) => at > sinceMs + 1000,
    );
    return { count: due.length, lastDueMs: due[0] ?? 0 };
  } catch {
    return { count: 0, lastDueMs: 0 };
  }
}

function jobState(job: KubeObject): string {
  if (condition(job, "Failed")?.status === "True")
    return `failed (${condition(job, "Failed")?.reason ?? "?"})`;
  if (condition(job, "Complete")?.status === "True") return "complete";
  return "running";
}

function stamp(value: string | undefined, nowMs: number): string {
  return value ? `${value} (${shortAge(Date.parse(value), nowMs)} ago)` : "<none>";
}
