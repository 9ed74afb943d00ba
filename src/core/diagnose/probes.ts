import type { Finding } from "../answer.js";
import { podSpec } from "../tools/object-shapes.js";
import { containerAnalyzer } from "./container-analyzer.js";
import { eventEvidence, refOf } from "./evidence.js";

/** Running containers that are not ready because a readiness probe fails (or restart on liveness failures). */
export const probesAnalyzer = containerAnalyzer({
  name: "probes",
  check(snapshot, pod, container) {
    const findings: Finding[] = [];
    const spec = podSpec(pod).containers?.find((candidate) => candidate.name === container.name);
    const readinessEvents = eventEvidence(snapshot, pod, "Pod", 2, /Readiness probe failed/i);
    if (
      container.state?.running &&
      !container.ready &&
      (spec?.readinessProbe || readinessEvents.length > 0)
    ) {
      findings.push({
        severity: "warning",
        object: refOf(pod, "Pod"),
        reason: "ReadinessProbeFailed",
        message: `Container ${container.name} is running but not ready: its readiness probe fails.`,
        evidence: [`container ${container.name}: running, ready=false`, ...readinessEvents],
      });
    }
    const livenessEvents = eventEvidence(snapshot, pod, "Pod", 2, /Liveness probe failed/i);
    if (livenessEvents.length > 0) {
      findings.push({
        severity: "warning",
        object: refOf(pod, "Pod"),
        reason: "LivenessProbeFailed",
        message: `Container ${container.name} fails its liveness probe and is being restarted.`,
        evidence: [`container ${container.name}: restarts ${container.restartCount ?? 0}`, ...livenessEvents],
      });
    }
    return findings;
  },
});
