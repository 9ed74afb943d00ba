import type { Finding } from "../answer.js";
import type { KubeObject } from "../ports.js";
import { condition, podSpec, podStatus } from "../tools/object-shapes.js";
import { humanBytes, millicores, parseQuantity } from "../tools/quantities.js";
import type { Analyzer } from "./analyzer.js";
import { eventEvidence, refOf } from "./evidence.js";

/** Pods the scheduler cannot place. */
export const pendingAnalyzer: Analyzer = {
  name: "pending",
  covers: ["pods"],
  reads: ["pods", "events", "nodes"],
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
          ...biggerThanEveryNode(pod, snapshot.nodes),
        ],
      });
    }
    return findings;
  },
};

/**
 * "is the cluster too small or did they ask for too much": a request no node could hold even empty is the answer
 * ("requests cpu 6, but the largest node allocatable is demo-worker-1 with cpu 4").
 */
function biggerThanEveryNode(pod: KubeObject, nodes: readonly KubeObject[]): string[] {
  const containers = podSpec(pod).containers ?? [];
  if (nodes.length === 0) return [];
  return (["cpu", "memory"] as const).flatMap((resource) => {
    const asked = containers.reduce(
      (total, container) => total + (parseQuantity(container.resources?.requests?.[resource]) ?? 0),
      0,
    );
    const sizes = nodes.map((node) => {
      const allocatable = (node.status as { allocatable?: Record<string, string> } | undefined)?.allocatable;
      return { node, text: allocatable?.[resource], size: parseQuantity(allocatable?.[resource]) ?? 0 };
    });
    const largest = sizes.reduce((best, each) => (each.size > best.size ? each : best));
    if (asked === 0 || largest.size === 0 || asked <= largest.size) return [];
    const wanted = resource === "cpu" ? millicores(asked) : humanBytes(asked);
    return [
      `requests ${resource} ${wanted}, more than any node can allocate: the largest is ${largest.node.metadata.name} with ${resource} ${largest.text}`,
    ];
  });
}

/** What the scheduler must fit: each container's requests ("requests: container x cpu 6, memory 12Gi"). */
function requestsOf(pod: KubeObject): string[] {
  const containers = podSpec(pod).containers;
  return (containers ?? []).flatMap((container) => {
    const requests = Object.entries(container.resources?.requests ?? {});
    return requests.length > 0
      ? [
          `requests: container ${container.name} ${requests.map(([key, value]) => `${key} ${value}`).join(", ")}`,
        ]
      : [];
  });
}
