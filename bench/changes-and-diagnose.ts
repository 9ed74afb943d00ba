/**
 * recent_changes and diagnose across all namespaces on the 10,000-pod simulated cluster, through client-node:
 * wall time (median of a few runs) and how many entries and findings they produce. Figures, never assertions.
 */
import { writeYaml } from "../src/adapters/format/yaml-writer.js";
import { createClusterSet } from "../src/adapters/kubernetes/cluster-set.js";
import { redactText } from "../src/core/redact.js";
import { findTool } from "../src/core/tools/catalogue.js";
import type { ToolContext } from "../src/core/tools/define-tool.js";
import { startSimulatedCluster } from "../src/demo/cluster-server.js";
import { type Figure, reportFigures } from "./lib/report.js";
import { median, timeRuns } from "./lib/stats.js";

const PODS = 10_000;
const RUNS = 3;

await reportFigures(async (): Promise<Figure[]> => {
  const simulated = await startSimulatedCluster({ seed: 1, pods: PODS });
  try {
    const cluster = createClusterSet({
      kubeconfig: simulated.kubeconfigPath,
      requestTimeoutMs: 120_000,
    }).get();
    const context: ToolContext = {
      cluster,
      scope: {},
      defaultNamespace: "default",
      redact: redactText,
      toYaml: writeYaml,
    };
    const figures: Figure[] = [];
    for (const [tool, args] of [
      ["recent_changes", { all_namespaces: true }],
      ["diagnose", { all_namespaces: true }],
    ] as const) {
      const definition = findTool(tool)!;
      let facts: Record<string, unknown> = {};
      const ms = median(
        await timeRuns(
          async () => {
            facts = (await definition.run(context, definition.args.parse(args) as never)).facts;
          },
          RUNS,
          1,
        ),
      );
      figures.push({
        bench: "changes-and-diagnose",
        name: `${tool} -A, ${PODS} pods`,
        value: ms,
        unit: "ms",
        note: tool === "diagnose" ? `${facts.findings} findings` : `${facts.count} changes in the last hour`,
      });
    }
    return figures;
  } finally {
    await simulated.close();
  }
});
