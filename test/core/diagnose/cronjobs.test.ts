import { describe, expect, it } from "vitest";
import { cronRuns } from "../../../src/adapters/schedule/cron-runs.js";
import { emptySnapshot } from "../../../src/core/diagnose/analyzer.js";
import { cronjobsAnalyzer } from "../../../src/core/diagnose/cronjobs.js";
import type { KubeObject } from "../../../src/core/ports.js";

const NOW = Date.parse("2026-12-02T12:00:00Z");
const iso = (hoursAgo: number) => new Date(NOW - hoursAgo * 3_600_000).toISOString();

function cron(name: string, spec: Record<string, unknown>, status: Record<string, unknown>): KubeObject {
  return {
    kind: "CronJob",
    metadata: { name, namespace: "ops", uid: `uid-${name}`, creationTimestamp: iso(24 * 30) },
    spec: { schedule: "0 2 * * *", ...spec },
    status,
  };
}

function job(name: string, owner: KubeObject, hoursAgo: number, failed: boolean): KubeObject {
  return {
    kind: "Job",
    metadata: {
      name,
      namespace: "ops",
      creationTimestamp: iso(hoursAgo),
      ownerReferences: [
        { kind: "CronJob", name: owner.metadata.name, uid: owner.metadata.uid, controller: true } as never,
      ],
    },
    status: {
      conditions: [
        {
          type: failed ? "Failed" : "Complete",
          status: "True",
          reason: failed ? "BackoffLimitExceeded" : undefined,
        },
      ],
    },
  };
}

function reasons(crons: KubeObject[], jobs: KubeObject[] = []): string[] {
  const snapshot = { ...emptySnapshot(), cronjobs: crons, jobs };
  return cronjobsAnalyzer
    .analyze(snapshot, NOW, { cronRuns })
    .map((finding) => `${finding.object.name} ${finding.reason}`);
}

describe("the cronjobs analyzer", () => {
  it.each([
    ["on time", { lastScheduleTime: iso(10), lastSuccessfulTime: iso(10) }, {}, []],
    ["one run late (not yet a pattern)", { lastScheduleTime: iso(34), lastSuccessfulTime: iso(34) }, {}, []],
    [
      "three runs missed",
      { lastScheduleTime: iso(82), lastSuccessfulTime: iso(82) },
      {},
      ["c CronJobMissedSchedule"],
    ],
    ["never ran", {}, {}, ["c CronJobNeverRan"]],
    ["suspended", { lastScheduleTime: iso(10) }, { suspend: true }, ["c CronJobSuspended"]],
    ["an unreadable schedule counts no runs", {}, { schedule: "every day" }, []],
  ])("%s", (_label, status, spec, expected) => {
    expect(reasons([cron("c", spec, status)])).toEqual(expected);
  });

  it("flags a CronJob whose newest job failed, linked by ownerReferences not by name", () => {
    const owner = cron("backup", {}, { lastScheduleTime: iso(10), lastSuccessfulTime: iso(58) });
    const other = cron("backup-v2", {}, { lastScheduleTime: iso(10), lastSuccessfulTime: iso(10) });
    const jobs = [
      job("backup-1", owner, 10, true),
      job("backup-0", owner, 34, false),
      job("backup-v2-1", other, 10, true),
    ];
    expect(reasons([owner], jobs)).toEqual(["backup CronJobFailing"]);
    const failing = cronjobsAnalyzer.analyze({ ...emptySnapshot(), cronjobs: [owner], jobs }, NOW, {
      cronRuns,
    })[0];
    expect(failing.message).toContain("last job backup-1 failed (1 of the last 2)");
  });
});
