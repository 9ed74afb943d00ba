import type { Analyzer } from "./analyzer.js";
import { autoscalersAnalyzer } from "./autoscalers.js";
import { crashloopAnalyzer } from "./crashloop.js";
import { cronjobsAnalyzer } from "./cronjobs.js";
import { disruptionBudgetsAnalyzer } from "./disruption-budgets.js";
import { endpointsAnalyzer } from "./endpoints.js";
import { imagePullAnalyzer } from "./image-pull.js";
import { ingressesAnalyzer } from "./ingresses.js";
import { jobsAnalyzer } from "./jobs.js";
import { podsOnUnreadyNodesAnalyzer } from "./node-pods.js";
import { nodesAnalyzer } from "./nodes.js";
import { oomAnalyzer } from "./oom.js";
import { pendingAnalyzer } from "./pending.js";
import { probesAnalyzer } from "./probes.js";
import { pvcAnalyzer } from "./pvc.js";
import { workloadsAnalyzer } from "./workloads.js";

/** Every analyzer, in the order their findings are reported for equal severity. */
export const analyzers: readonly Analyzer[] = [
  crashloopAnalyzer,
  imagePullAnalyzer,
  oomAnalyzer,
  pendingAnalyzer,
  probesAnalyzer,
  nodesAnalyzer,
  workloadsAnalyzer,
  jobsAnalyzer,
  cronjobsAnalyzer,
  podsOnUnreadyNodesAnalyzer,
  pvcAnalyzer,
  endpointsAnalyzer,
  autoscalersAnalyzer,
  disruptionBudgetsAnalyzer,
  ingressesAnalyzer,
];
