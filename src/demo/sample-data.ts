import type { KubeObject } from "../core/ports.js";
import { buildBatch } from "./sample/batch-namespace.js";
import { buildBulkPods } from "./sample/big-cluster.js";
import { buildStorageClasses, buildWidgets, plantNodeFaults } from "./sample/cluster-extras.js";
import { buildData } from "./sample/data-namespace.js";
import { buildDefault } from "./sample/default-namespace.js";
import { buildEdge } from "./sample/edge-namespace.js";
import { buildKubeSystem } from "./sample/kube-system.js";
import { buildMetrics } from "./sample/metrics.js";
import { buildMonitoring } from "./sample/monitoring-namespace.js";
import { buildNodes } from "./sample/nodes.js";
import { buildPayments } from "./sample/payments.js";
import {
  type ContainerLog,
  type ContainerRef,
  createContext,
  type PlantedFault,
} from "./sample/sample-context.js";
import { buildShop } from "./sample/shop.js";
import { buildWarehouse } from "./sample/warehouse-namespace.js";

export { canary, promptInjectionLine, secretCanaries } from "./sample/canaries.js";
export type { ContainerLog, ContainerRef, LogLine, PlantedFault } from "./sample/sample-context.js";

export interface SampleClusterOptions {
  seed?: number;
  /** Milliseconds since the epoch that creation times count back from (the server's start time). */
  now?: number;
  /** Extra healthy pods for large-cluster benchmarks. */
  pods?: number;
}

export interface SampleCluster {
  now: number;
  objects: KubeObject[];
  /** `namespace/pod/container` → that container's log. */
  logs: Map<string, ContainerLog>;
  plantedFaults: PlantedFault[];
  /** The container whose log holds `promptInjectionLine`. */
  promptInjectionLog: ContainerRef;
}

/** The sample cluster: a pure function of the seed (and the time it counts back from). */
export function buildSampleCluster(options: SampleClusterOptions = {}): SampleCluster {
  const now = options.now ?? Date.now();
  const ctx = createContext(options.seed ?? 1, now);
  const nodes = buildNodes(ctx);
  buildStorageClasses(ctx);
  const pods = [
    ...buildKubeSystem(ctx, nodes),
    ...buildDefault(ctx, nodes),
    ...buildShop(ctx, nodes),
    ...buildPayments(ctx, nodes),
    ...buildBatch(ctx, nodes),
    ...buildData(ctx, nodes),
    ...buildMonitoring(ctx, nodes),
  ];
  buildWidgets(ctx);
  plantNodeFaults(ctx, nodes);
  pods.push(...buildBulkPods(ctx, nodes, options.pods ?? 0));
  buildMetrics(ctx, nodes, pods);
  // Last, so the namespaces above keep the random draws (uids, event names) they always had.
  buildEdge(ctx, nodes);
  buildWarehouse(ctx, nodes);
  return {
    now,
    objects: ctx.objects,
    logs: ctx.logs,
    plantedFaults: ctx.faults,
    promptInjectionLog: ctx.promptInjectionLog!,
  };
}

const defaultSample = buildSampleCluster({ seed: 1, now: 0 });

/** The faults planted in the default sample (seed 1): `diagnose` must find every one. */
export const plantedFaults: PlantedFault[] = defaultSample.plantedFaults;

/** Where the default sample's prompt-injection line is logged (seed 1). */
export const promptInjectionLog: ContainerRef = defaultSample.promptInjectionLog;
