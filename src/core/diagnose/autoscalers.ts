import type { Finding } from "../answer.js";
import { conditionsOf } from "../tools/object-shapes.js";
import type { Analyzer } from "./analyzer.js";
import { metricLines } from "./autoscaler-metrics.js";
import { refOf } from "./evidence.js";

interface AutoscalerShape {
  spec?: { minReplicas?: number; maxReplicas?: number; scaleTargetRef?: { kind?: string; name?: string } };
  status?: { currentReplicas?: number; desiredReplicas?: number };
}

/**
 * HorizontalPodAutoscalers that cannot do their job: at their maximum while the metrics ask for more
 * (KubeHpaMaxedOut), unable to read their metrics (ScalingActive=False) or to scale their target (AbleToScale=False).
 */
export const autoscalersAnalyzer: Analyzer = {
  name: "autoscalers",
  covers: ["horizontalpodautoscalers"],
  reads: ["horizontalpodautoscalers"],
  analyze(snapshot) {
    const findings: Finding[] = [];
    for (const hpa of snapshot.horizontalpodautoscalers) {
      const { spec, status } = hpa as unknown as AutoscalerShape;
      const conditions = conditionsOf(hpa);
      const line = (type: string) => conditions.find((condition) => condition.type === type);
      const target = spec?.scaleTargetRef
        ? `${spec.scaleTargetRef.kind} ${spec.scaleTargetRef.name}`
        : "its target";
      const replicas = `replicas: ${status?.currentReplicas ?? 0} current, ${status?.desiredReplicas ?? 0} desired (min ${spec?.minReplicas ?? 1}, max ${spec?.maxReplicas ?? "?"})`;
      const evidence = (...types: string[]) => [
        replicas,
        ...metricLines(hpa),
        ...types.flatMap((type) => {
          const found = line(type);
          return found
            ? [
                `${type}=${found.status} ${found.reason ?? ""}${found.message ? `: ${found.message}` : ""}`.trim(),
              ]
            : [];
        }),
      ];
      const limited = line("ScalingLimited");
      const atMax = spec?.maxReplicas !== undefined && (status?.currentReplicas ?? 0) >= spec.maxReplicas;
      if (limited?.status === "True" && (limited.reason === "TooManyReplicas" || atMax))
        findings.push({
          severity: "warning",
          object: refOf(hpa, "HorizontalPodAutoscaler"),
          reason: "HPAMaxedOut",
          message: `Autoscaler runs ${target} at its maximum of ${spec?.maxReplicas} replicas and its metrics ask for more: raise maxReplicas or find what drives the load.`,
          evidence: evidence("ScalingLimited"),
        });
      for (const [type, reason, what] of [
        ["ScalingActive", "HPAScalingInactive", "cannot compute a replica count (its metrics are missing)"],
        ["AbleToScale", "HPAUnableToScale", `cannot scale ${target}`],
      ] as const) {
        if (line(type)?.status !== "False") continue;
        findings.push({
          severity: "warning",
          object: refOf(hpa, "HorizontalPodAutoscaler"),
          reason,
          message: `Autoscaler ${what}${line(type)?.reason ? ` (${line(type)?.reason})` : ""}.`,
          evidence: evidence(type),
        });
      }
    }
    return findings;
  },
};
