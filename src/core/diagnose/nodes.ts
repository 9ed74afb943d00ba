import type { Finding } from "../answer.js";
import type { KubeObject } from "../ports.js";
import { conditionsOf } from "../tools/object-shapes.js";
import type { Analyzer } from "./analyzer.js";
import { eventEvidence, refOf } from "./evidence.js";
import { podsOnNode } from "./node-pods.js";

const PRESSURES = ["MemoryPressure", "DiskPressure", "PIDPressure", "NetworkUnavailable"];

/** Nodes not Ready, and nodes under memory, disk or PID pressure. */
export const nodesAnalyzer: Analyzer = {
  name: "nodes",
  covers: ["nodes"],
  reads: ["nodes", "pods", "events"],
  analyze(snapshot) {
    const findings: Finding[] = [];
    for (const node of snapshot.nodes) {
      const conditions = conditionsOf(node);
      const ready = conditions.find((condition) => condition.type === "Ready");
      if (ready?.status !== "True") {
        findings.push({
          severity: "critical",
          object: refOf(node, "Node"),
          reason: "NodeNotReady",
          message: `Node is not Ready${ready?.reason ? ` (${ready.reason})` : ""}: its pods may be evicted and new pods avoid it.`,
          evidence: [
            `Ready=${ready?.status ?? "Unknown"}${ready?.reason ? ` ${ready.reason}` : ""}${ready?.message ? `: ${ready.message}` : ""}`,
            ...affected(snapshot.pods, node.metadata.name),
            ...eventEvidence(snapshot, node, "Node", 2),
          ],
        });
      }
      for (const pressure of conditions.filter(
        (condition) => PRESSURES.includes(condition.type) && condition.status === "True",
      )) {
        findings.push({
          severity: "warning",
          object: refOf(node, "Node"),
          reason: pressure.type,
          message: `Node reports ${pressure.type}${pressure.message ? `: ${pressure.message}` : ""}.`,
          evidence: [
            `${pressure.type}=True${pressure.reason ? ` ${pressure.reason}` : ""}${pressure.message ? `: ${pressure.message}` : ""}`,
            ...taintsOf(node),
            ...affected(snapshot.pods, node.metadata.name),
          ],
        });
      }
    }
    return findings;
  },
};

function affected(pods: KubeObject[], node: string): string[] {
  const line = podsOnNode(pods, node);
  return line ? [line] : [];
}

function taintsOf(node: KubeObject): string[] {
  const taints = (
    (node.spec as { taints?: { key: string; effect?: string }[] } | undefined)?.taints ?? []
  ).map((taint) => `${taint.key}:${taint.effect ?? ""}`);
  return taints.length > 0 ? [`taints: ${taints.join(", ")}`] : [];
}
