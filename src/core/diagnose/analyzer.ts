import type { Finding } from "../answer.js";
import type { CronRuns, KubeObject } from "../ports.js";
import type { EventObject } from "../tools/object-shapes.js";

/** The objects a diagnosis reads, by canonical plural; an analyzer reads only the ones it names. */
export interface ClusterSnapshot {
  pods: KubeObject[];
  nodes: KubeObject[];
  deployments: KubeObject[];
  statefulsets: KubeObject[];
  daemonsets: KubeObject[];
  replicasets: KubeObject[];
  jobs: KubeObject[];
  cronjobs: KubeObject[];
  persistentvolumeclaims: KubeObject[];
  services: KubeObject[];
  endpoints: KubeObject[];
  horizontalpodautoscalers: KubeObject[];
  poddisruptionbudgets: KubeObject[];
  ingresses: KubeObject[];
  events: EventObject[];
}

export type SnapshotKind = keyof ClusterSnapshot;

/** What analyzers may use beyond the objects: when CronJob schedules were due (an adapter; absent, missed runs are not counted). */
export interface AnalyzerAids {
  cronRuns?: CronRuns;
}

/** One deterministic check (no LLM): a snapshot in, findings out. */
export interface Analyzer {
  name: string;
  /** The kinds `diagnose kind=...` narrows to this analyzer with. */
  covers: string[];
  reads: SnapshotKind[];
  /**
   * False for checks that explain an object rather than find faults (a budget that blocks evictions, an ingress
   * whose backend is down, which the service check already reports): they run when their kind or a name is asked.
   */
  sweep?: boolean;
  /** `nowMs`: the tool context's clock, for checks about time (missed schedules). */
  analyze(snapshot: ClusterSnapshot, nowMs?: number, aids?: AnalyzerAids): Finding[];
}

export function emptySnapshot(): ClusterSnapshot {
  return {
    pods: [],
    nodes: [],
    deployments: [],
    statefulsets: [],
    daemonsets: [],
    replicasets: [],
    jobs: [],
    cronjobs: [],
    persistentvolumeclaims: [],
    services: [],
    endpoints: [],
    horizontalpodautoscalers: [],
    poddisruptionbudgets: [],
    ingresses: [],
    events: [],
  };
}
