import type { Finding } from "../answer.js";
import type { Analyzer } from "./analyzer.js";
import { eventEvidence, refOf } from "./evidence.js";

/** PersistentVolumeClaims still Pending: no volume bound, pods that mount them cannot start. */
export const pvcAnalyzer: Analyzer = {
  name: "pvc",
  covers: ["persistentvolumeclaims"],
  reads: ["persistentvolumeclaims", "events"],
  analyze(snapshot) {
    const findings: Finding[] = [];
    for (const claim of snapshot.persistentvolumeclaims) {
      const phase = (claim.status as { phase?: string } | undefined)?.phase;
      if (phase !== "Pending") continue;
      const storageClass = (claim.spec as { storageClassName?: string } | undefined)?.storageClassName;
      findings.push({
        severity: "warning",
        object: refOf(claim, "PersistentVolumeClaim"),
        reason: "PVCPending",
        message: `PersistentVolumeClaim is Pending: no volume is bound${storageClass ? ` (storage class ${storageClass})` : ""}.`,
        evidence: [
          `phase Pending, storageClassName ${storageClass ?? "<none>"}`,
          ...eventEvidence(snapshot, claim, "PersistentVolumeClaim", 2),
        ],
      });
    }
    return findings;
  },
};
