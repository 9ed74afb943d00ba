import type { Finding } from "../answer.js";
import type { KubeObject } from "../ports.js";
import { condition, podStatus } from "../tools/object-shapes.js";
import type { Analyzer } from "./analyzer.js";
import { eventEvidence, refOf } from "./evidence.js";

/** Pods the scheduler cannot place. */
export const pendingAnalyzer: Analyzer = {
  name: "pending",
  covers: ["pods"],
  reads: ["pods", "events"],
  analyze(snapshot) {
    const findings: Finding[] = [];
    for (const pod of snapshot.pods) {
      if (podStatus(pod).phase !== "Pending") continue;
      const scheduled = condition(pod, "PodScheduled");
      // The FailedScheduling event usually repeats the condition's message word for word.
      const events = eventEvidence(snapshot, pod, "Pod", 2, /FailedScheduling/).filter(
        (line) => !scheduled?.message || !line.includes(scheduled.message),
      );
      if (scheduled?.reason !== "Unschedulable" && events.length === 0) continue;
      findings.push({
        severity: "warning",
        object: refOf(pod, "Pod"),
        reason: "Unschedulable",
        message: "Pod is Pending: the scheduler cannot place it on any node.",
        evidence: [
          ...(scheduled?.message ? [`PodScheduled=False Unschedulable: ${scheduled.message}`] : []),
          ...events,
          ...requestsOf(pod),
        ],
      });
    }
    return findings;
  },
};

/** What the scheduler must fit: each container's requests ("requests: container x cpu 6, memory 12Gi"). */
function requestsOf(pod: KubeObject): string[] {
  const containers = (
    (pod.spec ?? {}) as {
      containers?: { name: string; resources?: { requests?: Record<string, string> } }[];
    }
  ).containers;
  return (containers ?? []).flatMap((container) => {
    const requests = Object.entries(container.resources?.requests ?? {});
    return requests.length > 0
      ? [
          `requests: container ${container.name} ${requests.map(([key, value]) => `${key} ${value}`).join(", ")}`,
        ]
      : [];
  });
}
