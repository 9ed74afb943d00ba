import type { Finding } from "../answer.js";
import { podStatus } from "../tools/object-shapes.js";
import type { Analyzer } from "./analyzer.js";
import { eventEvidence, refOf } from "./evidence.js";

/** Containers waiting in CrashLoopBackOff; an OOM kill is left to the oom analyzer, which says more. */
export const crashloopAnalyzer: Analyzer = {
  name: "crashloop",
  covers: ["pods"],
  reads: ["pods", "events"],
  analyze(snapshot) {
    const findings: Finding[] = [];
    for (const pod of snapshot.pods) {
      for (const container of podStatus(pod).containerStatuses ?? []) {
        if (container.state?.waiting?.reason !== "CrashLoopBackOff") continue;
        const last = container.lastState?.terminated;
        if (last?.reason === "OOMKilled") continue;
        const exit = last
          ? `last exit code ${last.exitCode ?? "?"}${last.reason ? ` (${last.reason})` : ""}`
          : "no previous exit recorded";
        findings.push({
          severity: "critical",
          object: refOf(pod, "Pod"),
          reason: "CrashLoopBackOff",
          message: `Container ${container.name} keeps crashing: ${container.restartCount ?? 0} restarts, ${exit}.`,
          evidence: [
            `container ${container.name}: waiting CrashLoopBackOff, restarts ${container.restartCount ?? 0}`,
            ...(last
              ? [
                  `last state: terminated ${last.reason ?? ""} exit ${last.exitCode ?? "?"}${last.message ? `: ${last.message}` : ""}`,
                ]
              : []),
            ...eventEvidence(snapshot, pod, "Pod", 2, /BackOff|Failed|Killing/),
          ],
        });
      }
    }
    return findings;
  },
};
