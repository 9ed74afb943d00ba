import type { Finding } from "../answer.js";
import type { KubeObject } from "../ports.js";
import { type ContainerStatus, podStatus } from "../tools/object-shapes.js";
import type { Analyzer, ClusterSnapshot } from "./analyzer.js";

export interface ContainerCheck {
  name: string;
  /** What one app container's status (with its pod and the snapshot's events) shows wrong: none when healthy. */
  check(snapshot: ClusterSnapshot, pod: KubeObject, container: ContainerStatus, nowMs: number): Finding[];
}

/** An analyzer of every app container of every pod: findings in pod order, then container order. */
export function containerAnalyzer({ name, check }: ContainerCheck): Analyzer {
  return {
    name,
    covers: ["pods"],
    reads: ["pods", "events"],
    analyze(snapshot, nowMs = Date.now()) {
      return snapshot.pods.flatMap((pod) =>
        (podStatus(pod).containerStatuses ?? []).flatMap((container) =>
          check(snapshot, pod, container, nowMs),
        ),
      );
    },
  };
}
