import type { Finding } from "../answer.js";
import { podSpec, podStatus } from "../tools/object-shapes.js";
import type { Analyzer } from "./analyzer.js";
import { eventEvidence, refOf } from "./evidence.js";

const PULL_FAILURES = new Set(["ImagePullBackOff", "ErrImagePull", "InvalidImageName", "ErrImageNeverPull"]);

/** Containers that cannot start because their image cannot be pulled. */
export const imagePullAnalyzer: Analyzer = {
  name: "image-pull",
  covers: ["pods"],
  reads: ["pods", "events"],
  analyze(snapshot) {
    const findings: Finding[] = [];
    for (const pod of snapshot.pods) {
      const status = podStatus(pod);
      for (const container of [
        ...(status.initContainerStatuses ?? []),
        ...(status.containerStatuses ?? []),
      ]) {
        const waiting = container.state?.waiting;
        if (!waiting?.reason || !PULL_FAILURES.has(waiting.reason)) continue;
        const image =
          container.image ??
          [...(podSpec(pod).containers ?? []), ...(podSpec(pod).initContainers ?? [])].find(
            (c) => c.name === container.name,
          )?.image;
        findings.push({
          severity: "critical",
          object: refOf(pod, "Pod"),
          reason: "ImagePullBackOff",
          message: `Container ${container.name} cannot pull image ${image ?? "?"}.`,
          evidence: [
            `container ${container.name}: waiting ${waiting.reason}${waiting.message ? `: ${waiting.message}` : ""}`,
            ...eventEvidence(snapshot, pod, "Pod", 2, /Failed|BackOff|pull/i),
          ],
        });
      }
    }
    return findings;
  },
};
