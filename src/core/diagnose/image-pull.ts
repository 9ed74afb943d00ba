import type { Finding } from "../answer.js";
import { podSpec, podStatus } from "../tools/object-shapes.js";
import type { Analyzer } from "./analyzer.js";
import { eventEvidence, refOf } from "./evidence.js";

const REGISTRY_ERROR =
  /\b(?:not found|manifest unknown|unauthorized|access denied|denied|forbidden|no such host|toomanyrequests|x509[^"]*)\b/i;
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
        // The registry's own words ("not found", "denied") are the decisive clue; back-off events only repeat it.
        const registry = eventEvidence(snapshot, pod, "Pod", 1, REGISTRY_ERROR);
        const said = registry[0] ? REGISTRY_ERROR.exec(registry[0])?.[0] : undefined;
        findings.push({
          severity: "critical",
          object: refOf(pod, "Pod"),
          reason: "ImagePullBackOff",
          message: `Container ${container.name} cannot pull image ${image ?? "?"}${said ? `: the registry says ${said.toLowerCase()}` : ""}.`,
          evidence: [
            `container ${container.name}: waiting ${waiting.reason}${waiting.message ? `: ${waiting.message}` : ""}`,
            ...registry,
            ...eventEvidence(snapshot, pod, "Pod", 2, /Failed|BackOff|pull/i).filter(
              (line) => !registry.includes(line),
            ),
          ],
        });
      }
    }
    return findings;
  },
};
