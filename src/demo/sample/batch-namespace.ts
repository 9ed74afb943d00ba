import type { KubeObject } from "../../core/ports.js";
import { cronJob, job, scheduledJobName } from "./batch-workloads.js";
import { event, namespace } from "./cluster-objects.js";
import { migrateFailure, setLog, timed } from "./log-texts.js";
import type { SampleNode } from "./nodes.js";
import { day, hour, minute, type SampleContext } from "./sample-context.js";

const small = { requests: { cpu: "50m", memory: "64Mi" }, limits: { memory: "128Mi" } };

/** batch: a nightly report CronJob that works and a migration Job that failed. */
export function buildBatch(ctx: SampleContext, nodes: SampleNode[]): KubeObject[] {
  namespace(ctx, "batch", 40 * day);
  const worker = nodes.find((n) => n.role === "worker" && n.condition === "Ready")!;
  const reportContainers = [
    {
      name: "report",
      image: "registry.example.com/batch/report:1.3.0",
      args: ["--date=yesterday"],
      resources: small,
    },
  ];
  const lastRun = 9 * hour + 17 * minute;
  const cron = cronJob(ctx, {
    namespace: "batch",
    name: "report-nightly",
    schedule: "0 2 * * *",
    lastRunAgo: lastRun,
    containers: reportContainers,
    createdAgo: 40 * day,
  });
  const report = job(ctx, {
    namespace: "batch",
    name: scheduledJobName(ctx, "report-nightly", lastRun),
    containers: reportContainers,
    node: worker,
    createdAgo: lastRun,
    outcome: "complete",
    owner: cron,
  });
  (cron.status as Record<string, unknown>).active = undefined;
  const migrate = job(ctx, {
    namespace: "batch",
    name: "db-migrate",
    containers: [
      { name: "migrate", image: "registry.example.com/shop/migrations:0042", args: ["up"], resources: small },
    ],
    node: worker,
    createdAgo: 70 * minute,
    outcome: "failed",
    attempts: 2,
  });
  for (const pod of migrate.pods) {
    setLog(ctx, pod, "migrate", timed(ctx, migrateFailure, 60 * minute, 5));
    event(ctx, migrate.job, {
      type: "Normal",
      reason: "SuccessfulCreate",
      message: `Created pod: ${pod.metadata.name}`,
      component: "job-controller",
      firstAgo: 69 * minute,
    });
  }
  event(ctx, migrate.job, {
    type: "Warning",
    reason: "BackoffLimitExceeded",
    message: "Job has reached the specified backoff limit",
    component: "job-controller",
    firstAgo: 58 * minute,
  });
  ctx.faults.push({ reason: "JobFailed", kind: "Job", namespace: "batch", name: "db-migrate" });
  return [...report.pods, ...migrate.pods];
}
