import type { KubeObject } from "../../core/ports.js";
import { buildPod, type ContainerPlan, type NodeRef } from "./pod-factory.js";
import { addObject, ago, nameSuffix, objectMeta, type SampleContext } from "./sample-context.js";

export interface JobPlan {
  namespace: string;
  name: string;
  containers: ContainerPlan[];
  node: NodeRef;
  createdAgo: number;
  outcome: "complete" | "failed";
  /** Failed pods before the Job gave up (its backoffLimit + 1). */
  attempts?: number;
  owner?: KubeObject;
}

/** A Job with its pods: one Completed pod, or `attempts` pods in Error and the Failed condition. */
export function job(ctx: SampleContext, plan: JobPlan): { job: KubeObject; pods: KubeObject[] } {
  const controllerUid = nameSuffix(ctx, `${plan.namespace}/${plan.name}/uid`, 8);
  const labels = {
    "batch.kubernetes.io/job-name": plan.name,
    "job-name": plan.name,
    "batch.kubernetes.io/controller-uid": controllerUid,
  };
  const attempts = plan.outcome === "complete" ? 1 : (plan.attempts ?? 3);
  const jobObject = addObject(ctx, {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: objectMeta(ctx, plan.name, {
      namespace: plan.namespace,
      labels,
      createdAgo: plan.createdAgo,
      owner: plan.owner,
    }),
    spec: {
      parallelism: 1,
      completions: 1,
      backoffLimit: attempts - 1,
      selector: { matchLabels: { "batch.kubernetes.io/controller-uid": controllerUid } },
      template: { metadata: { labels }, spec: { containers: plan.containers, restartPolicy: "Never" } },
    },
    status: {},
  });
  const pods = Array.from({ length: attempts }, (_, i) =>
    buildPod(ctx, {
      name: `${plan.name}-${nameSuffix(ctx, `${plan.namespace}/${plan.name}/pod/${i}`, 5)}`,
      namespace: plan.namespace,
      labels,
      owner: jobObject,
      node: plan.node,
      containers: plan.containers,
      health: plan.outcome === "complete" ? "completed" : "error",
      createdAgo: plan.createdAgo - 2 - i * 40,
      restartPolicy: "Never",
    }),
  );
  const start = ago(ctx, plan.createdAgo - 1);
  const end = ago(ctx, plan.createdAgo - 2 - attempts * 40);
  jobObject.status =
    plan.outcome === "complete"
      ? {
          startTime: start,
          completionTime: ago(ctx, plan.createdAgo - 97),
          succeeded: 1,
          ready: 0,
          terminating: 0,
          uncountedTerminatedPods: {},
          conditions: [
            {
              type: "SuccessCriteriaMet",
              status: "True",
              lastProbeTime: end,
              lastTransitionTime: end,
              reason: "CompletionsReached",
              message: "Reached expected number of succeeded pods",
            },
            {
              type: "Complete",
              status: "True",
              lastProbeTime: end,
              lastTransitionTime: end,
              reason: "CompletionsReached",
              message: "Reached expected number of succeeded pods",
            },
          ],
        }
      : {
          startTime: start,
          failed: attempts,
          ready: 0,
          terminating: 0,
          uncountedTerminatedPods: {},
          conditions: [
            {
              type: "FailureTarget",
              status: "True",
              lastProbeTime: end,
              lastTransitionTime: end,
              reason: "BackoffLimitExceeded",
              message: "Job has reached the specified backoff limit",
            },
            {
              type: "Failed",
              status: "True",
              lastProbeTime: end,
              lastTransitionTime: end,
              reason: "BackoffLimitExceeded",
              message: "Job has reached the specified backoff limit",
            },
          ],
        };
  return { job: jobObject, pods };
}

export interface CronJobPlan {
  namespace: string;
  name: string;
  schedule: string;
  /** Seconds since the last scheduled run (the one that created `lastJob`). */
  lastRunAgo?: number;
  containers: ContainerPlan[];
  createdAgo: number;
}

export function cronJob(ctx: SampleContext, plan: CronJobPlan): KubeObject {
  const lastRun = plan.lastRunAgo;
  return addObject(ctx, {
    apiVersion: "batch/v1",
    kind: "CronJob",
    metadata: objectMeta(ctx, plan.name, { namespace: plan.namespace, createdAgo: plan.createdAgo }),
    spec: {
      schedule: plan.schedule,
      concurrencyPolicy: "Forbid",
      suspend: false,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
      jobTemplate: {
        spec: { template: { spec: { containers: plan.containers, restartPolicy: "OnFailure" } } },
      },
    },
    status:
      lastRun === undefined
        ? {}
        : { lastScheduleTime: ago(ctx, lastRun), lastSuccessfulTime: ago(ctx, lastRun - 97) },
  });
}

/** The name a CronJob gives the Job it starts: its name and the scheduled time in minutes since the epoch. */
export function scheduledJobName(ctx: SampleContext, cronName: string, runAgo: number): string {
  return `${cronName}-${Math.floor((ctx.now - runAgo * 1000) / 60_000)}`;
}
