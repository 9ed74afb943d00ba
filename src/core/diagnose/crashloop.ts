import { containerAnalyzer } from "./container-analyzer.js";
import { eventEvidence, refOf } from "./evidence.js";

/** Containers waiting in CrashLoopBackOff; an OOM kill is left to the oom analyzer, which says more. */
export const crashloopAnalyzer = containerAnalyzer({
  name: "crashloop",
  check(snapshot, pod, container) {
    if (container.state?.waiting?.reason !== "CrashLoopBackOff") return [];
    const last = container.lastState?.terminated;
    if (last?.reason === "OOMKilled") return [];
    const exit = last
      ? `last exit code ${last.exitCode ?? "?"}${last.reason ? ` (${last.reason})` : ""}`
      : "no previous exit recorded";
    return [
      {
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
      },
    ];
  },
});
