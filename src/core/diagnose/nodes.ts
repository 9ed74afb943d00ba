import type { Finding } from "../answer.js";
import { conditionsOf } from "../tools/object-shapes.js";
import type { Analyzer } from "./analyzer.js";
import { eventEvidence, refOf } from "./evidence.js";

const PRESSURES = ["MemoryPressure", "DiskPressure", "PIDPressure", "NetworkUnavailable"];

/** Nodes not Ready, and nodes under memory, disk or PID pressure. */
export const nodesAnalyzer: Analyzer = {
  name: "nodes",
  covers: ["nodes"],
  reads: ["nodes", "events"],
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
          ],
        });
      }
    }
    return findings;
  },
};
