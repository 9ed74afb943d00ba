/**
 * The pipeline's own cost per question (policy, planning, validation, summary, caching bookkeeping), with the
 * time spent waiting on the simulated cluster reported separately. Questions from the dev set, answer cache bypassed.
 */
import { readFileSync } from "node:fs";
import { loadConfig } from "../src/config/load-config.js";
import { buildContainer } from "../src/container.js";
import { silentLogger } from "../src/core/ports.js";
import { startSimulatedCluster } from "../src/demo/cluster-server.js";
import { type Figure, reportFigures } from "./lib/report.js";
import { median, percentile } from "./lib/stats.js";

const ROUNDS = 5;

async function measure(): Promise<Figure[]> {
  const questions = readFileSync(new URL("../eval/planner-dev.jsonl", import.meta.url), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { q: string }).q);
  const cluster = await startSimulatedCluster({ seed: 1 });
  const config = loadConfig({
    env: { KUBECONFIG: cluster.kubeconfigPath, LOG_LEVEL: "silent" },
    dotenvPath: "/none",
  });
  const container = await buildContainer(config, { logger: silentLogger, agent: null, observers: [] });
  const overhead: number[] = [];
  const clusterTime: number[] = [];
  const total: number[] = [];
  let n = 0;
  for (let round = 0; round < ROUNDS + 1; round++) {
    for (const text of questions) {
      const started = performance.now();
      const answer = await container.answers.answer({
        text,
        user: "bench",
        frontend: "bench",
        scope: {},
        fresh: true,
        requestId: `b${n++}`,
      });
      const elapsed = performance.now() - started;
      if (round === 0) continue; // warm-up: JIT and discovery caches
      total.push(elapsed);
      clusterTime.push(answer.timings.clusterMs);
      overhead.push(Math.max(0, elapsed - answer.timings.clusterMs));
    }
  }
  await container.close();
  await cluster.close();
  const bench = "pipeline";
  return [
    {
      bench,
      name: "overhead per question, median",
      value: median(overhead),
      unit: "ms",
      note: `${total.length} questions`,
    },
    { bench, name: "overhead per question, p99", value: percentile(overhead, 99), unit: "ms" },
    {
      bench,
      name: "cluster time per question, median",
      value: median(clusterTime),
      unit: "ms",
      note: "simulated cluster, loopback",
    },
    { bench, name: "total per question, median", value: median(total), unit: "ms" },
  ];
}

await reportFigures(measure);
