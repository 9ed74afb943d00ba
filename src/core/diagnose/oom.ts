import type { Finding } from "../answer.js";
import { podSpec, podStatus } from "../tools/object-shapes.js";
import type { Analyzer } from "./analyzer.js";
import { eventEvidence, refOf } from "./evidence.js";

/** Containers killed for exceeding their memory limit, now or on their last run. */
export const oomAnalyzer: Analyzer = {
  name: "oom",
  covers: ["pods"],
  reads: ["pods", "events"],
  analyze(snapshot) {
    const findings: Finding[] = [];
    for (const pod of snapshot.pods) {
      for (const container of podStatus(pod).containerStatuses ?? []) {
        const killed = [container.state?.terminated, container.lastState?.terminated].find(
          (state) => state?.reason === "OOMKilled",
        );
        if (!killed) continue;
        const limit = podSpec(pod).containers?.find((spec) => spec.name === container.name)?.resources?.limits
          ?.memory;
        findings.push({
          severity: "critical",
          object: refOf(pod, "Pod"),
          reason: "OOMKilled",
          message: `Container ${container.name} was killed for running out of memory${limit ? ` (limit ${limit})` : ""}.`,
          evidence: [
            `container ${container.name}: terminated OOMKilled, exit ${killed.exitCode ?? 137}, restarts ${container.restartCount ?? 0}`,
            ...(limit ? [`memory limit ${limit}`] : ["no memory limit set"]),
            ...(container.state?.waiting?.reason ? [`now waiting: ${container.state.waiting.reason}`] : []),
            ...eventEvidence(snapshot, pod, "Pod", 2),
          ],
        });
      }
    }
    return findings;
  },
};
