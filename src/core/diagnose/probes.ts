import type { Finding } from "../answer.js";
import { podSpec } from "../tools/object-shapes.js";
import { containerAnalyzer } from "./container-analyzer.js";
import { eventEvidence, refOf } from "./evidence.js";

/** Running containers that are not ready because a readiness probe fails (or restart on liveness failures). */
// A container is given this long after it starts before "running but not ready" counts as a fault.
const STARTUP_GRACE_MS = 60_000;

/**
 * Running containers that are not ready (a readiness probe that fails, or a container the kubelet reports unready
 * with no probe to blame), and containers restarted on liveness failures.
 */
export const probesAnalyzer = containerAnalyzer({
  name: "probes",
  check(snapshot, pod, container, nowMs) {
    const findings: Finding[] = [];
    const spec = podSpec(pod).containers?.find((candidate) => candidate.name === container.name);
    const readinessEvents = eventEvidence(snapshot, pod, "Pod", 2, /Readiness probe failed/i);
    const startedAt = Date.parse(container.state?.running?.startedAt ?? "");
    const starting = Number.isFinite(startedAt) && nowMs - startedAt < STARTUP_GRACE_MS;
    if (container.state?.running && !container.ready && (readinessEvents.length > 0 || !starting)) {
      const probe = spec?.readinessProbe !== undefined || readinessEvents.length > 0;
      findings.push({
        severity: "warning",
        object: refOf(pod, "Pod"),
        reason: probe ? "ReadinessProbeFailed" : "ContainerNotReady",
        message: probe
          ? `Container ${container.name} is running but not ready: its readiness probe fails.`
          : `Container ${container.name} is running but not ready, and it has no readiness probe to explain it.`,
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
