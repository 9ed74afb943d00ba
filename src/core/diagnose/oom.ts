import { podSpec } from "../tools/object-shapes.js";
import { containerAnalyzer } from "./container-analyzer.js";
import { eventEvidence, refOf } from "./evidence.js";
import { runtimeMemorySettings } from "./runtime-memory.js";

/** Containers killed for exceeding their memory limit, now or on their last run. */
export const oomAnalyzer = containerAnalyzer({
  name: "oom",
  check(snapshot, pod, container) {
    const killed = [container.state?.terminated, container.lastState?.terminated].find(
      (state) => state?.reason === "OOMKilled",
    );
    if (!killed) return [];
    const spec = podSpec(pod).containers?.find((candidate) => candidate.name === container.name);
    const limit = spec?.resources?.limits?.memory;
    const runtime = runtimeMemorySettings(spec);
    return [
      {
        severity: "critical",
        object: refOf(pod, "Pod"),
        reason: "OOMKilled",
        message: `Container ${container.name} was killed for running out of memory${limit ? ` (limit ${limit})` : ""}.`,
        evidence: [
          `container ${container.name}: terminated OOMKilled, exit ${killed.exitCode ?? 137}, restarts ${container.restartCount ?? 0}`,
          ...(limit ? [`memory limit ${limit}`] : ["no memory limit set"]),
          ...(runtime.length > 0 ? [`runtime memory setting: ${runtime.join("; ")}`] : []),
          ...(container.state?.waiting?.reason ? [`now waiting: ${container.state.waiting.reason}`] : []),
          ...eventEvidence(snapshot, pod, "Pod", 2),
        ],
      },
    ];
  },
});
