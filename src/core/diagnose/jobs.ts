import type { Finding } from "../answer.js";
import { condition } from "../tools/object-shapes.js";
import type { Analyzer } from "./analyzer.js";
import { eventEvidence, refOf } from "./evidence.js";

/** Jobs that gave up (Failed condition, e.g. BackoffLimitExceeded). */
export const jobsAnalyzer: Analyzer = {
  name: "jobs",
  covers: ["jobs"],
  reads: ["jobs", "events"],
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
        ],
      });
    }
    return findings;
  },
};
