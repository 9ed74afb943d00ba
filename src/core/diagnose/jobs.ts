import type { Finding } from "../answer.js";
import type { KubeObject } from "../ports.js";
import { condition } from "../tools/object-shapes.js";
import type { Analyzer } from "./analyzer.js";
import { eventEvidence, refOf } from "./evidence.js";

/** How the evidence names the job's newest failed pod, whose log log-evidence.ts reads. */
export const FAILED_POD_PREFIX = "failed pod: ";

/** Jobs that gave up (Failed condition, e.g. BackoffLimitExceeded). */
export const jobsAnalyzer: Analyzer = {
  name: "jobs",
  covers: ["jobs"],
  reads: ["jobs", "pods", "events"],
  analyze(snapshot) {
    const findings: Finding[] = [];
    for (const job of snapshot.jobs) {
      const failed = condition(job, "Failed");
      if (failed?.status !== "True") continue;
      const status = (job.status ?? {}) as { failed?: number; succeeded?: number };
      findings.push({
        severity: "critical",
        object: refOf(job, "Job"),
        reason: "JobFailed",
        message: `Job failed${failed.reason ? ` (${failed.reason})` : ""} after ${status.failed ?? 0} failed pod${status.failed === 1 ? "" : "s"}.`,
        evidence: [
          `Failed=True ${failed.reason ?? ""}${failed.message ? `: ${failed.message}` : ""}`,
          `pods: ${status.succeeded ?? 0} succeeded, ${status.failed ?? 0} failed`,
          ...eventEvidence(snapshot, job, "Job", 2),
          ...lastFailedPod(snapshot.pods, job),
        ],
      });
    }
    return findings;
  },
};

/** The job's newest failed pod, by ownerReferences; its log says why the job failed. */
function lastFailedPod(pods: readonly KubeObject[], job: KubeObject): string[] {
  const failed = pods
    .filter(
      (pod) =>
        pod.metadata.namespace === job.metadata.namespace &&
        (pod.metadata.ownerReferences ?? []).some(
          (owner) => owner.kind === "Job" && owner.name === job.metadata.name,
        ) &&
        (pod.status as { phase?: string } | undefined)?.phase === "Failed",
    )
    .sort((a, b) => (b.metadata.creationTimestamp ?? "").localeCompare(a.metadata.creationTimestamp ?? ""));
  return failed[0] ? [`${FAILED_POD_PREFIX}${failed[0].metadata.name}`] : [];
}
