import type { Finding } from "../answer.js";
import type { Analyzer } from "./analyzer.js";
import { refOf } from "./evidence.js";

interface BudgetShape {
  spec?: { minAvailable?: number | string; maxUnavailable?: number | string };
  status?: {
    disruptionsAllowed?: number;
    currentHealthy?: number;
    desiredHealthy?: number;
    expectedPods?: number;
  };
}

/**
 * PodDisruptionBudgets that allow no disruption now: an eviction or a drain of their pods waits until more of them
 * are healthy. Explains "why would a drain be blocked"; not a fault of its own, so it runs when asked.
 */
export const disruptionBudgetsAnalyzer: Analyzer = {
  name: "disruption-budgets",
  covers: ["poddisruptionbudgets"],
  reads: ["poddisruptionbudgets"],
  sweep: false,
  analyze(snapshot) {
    const findings: Finding[] = [];
    for (const budget of snapshot.poddisruptionbudgets) {
      const { spec, status } = budget as unknown as BudgetShape;
      if (status?.disruptionsAllowed !== 0 || (status.expectedPods ?? 0) === 0) continue;
      const rule =
        spec?.minAvailable !== undefined
          ? `minAvailable ${spec.minAvailable}`
          : `maxUnavailable ${spec?.maxUnavailable}`;
      findings.push({
        severity: "warning",
        object: refOf(budget, "PodDisruptionBudget"),
        reason: "DisruptionsBlocked",
        message: `Disruption budget allows 0 disruptions (${rule}; ${status.currentHealthy ?? 0} of ${status.expectedPods} pods healthy, ${status.desiredHealthy ?? "?"} needed): evicting or draining its pods is blocked until more are healthy.`,
        evidence: [
          `allowed disruptions: 0; current healthy ${status.currentHealthy ?? 0}, desired healthy ${status.desiredHealthy ?? "?"}, expected pods ${status.expectedPods}`,
        ],
      });
    }
    return findings;
  },
};
