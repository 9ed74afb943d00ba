/**
 * Issue 13 §1: "what's broken?" names no namespace, so it diagnoses the whole scope. Its cost on the simulated
 * cluster with 10,000 extra pods (`demo-cluster --pods 10000`), answer cache bypassed, plus "how many pods are
 * pending" (a list across every namespace) and the names index's first read.
 */
import { loadConfig } from "../src/config/load-config.js";
import { buildContainer } from "../src/container.js";
import { createNamesIndex } from "../src/core/names/names-index.js";
import { silentLogger } from "../src/core/ports.js";
import { startSimulatedCluster } from "../src/demo/cluster-server.js";
import { type Figure, reportFigures } from "./lib/report.js";
import { median } from "./lib/stats.js";

const PODS = 10_000;
const ROUNDS = 3;

async function measure(): Promise<Figure[]> {
  const cluster = await startSimulatedCluster({ seed: 1, pods: PODS });
  const config = loadConfig({
    env: { KUBECONFIG: cluster.kubeconfigPath, LOG_LEVEL: "silent", K8HELPER_TOOL_TIMEOUT_MS: "60000" },
    dotenvPath: "/none",
  });
  const container = await buildContainer(config, { logger: silentLogger, agent: null, observers: [] });
  const ask = async (text: string, n: number) => {
    const started = performance.now();
    const answer = await container.answers.answer({
      text,
      user: "bench",
      frontend: "bench",
      scope: {},
      fresh: true,
      requestId: `big${n}`,
    });
    return { ms: performance.now() - started, answer };
  };
  const namesStarted = performance.now();
  const names = await createNamesIndex({ clock: { now: Date.now } }).namesFor(container.clusters.get());
  const namesMs = performance.now() - namesStarted;
  const broken: number[] = [];
  const pending: number[] = [];
  let findings = 0;
  for (let round = 0; round < ROUNDS + 1; round++) {
    const diagnosis = await ask("what's broken?", round);
    const list = await ask("how many pods are pending", round);
    if (round === 0) continue; // warm-up: discovery and JIT
    broken.push(diagnosis.ms);
    pending.push(list.ms);
    findings = Number(diagnosis.answer.calls[0]?.facts?.findings ?? 0);
  }
  await container.close();
  await cluster.close();
  const bench = "whole-scope";
  const note = `simulated cluster, ${PODS} extra pods`;
  return [
    {
      bench,
      name: `"what's broken?" (diagnose, every namespace), median`,
      value: median(broken),
      unit: "ms",
      note: `${note}; ${findings} findings`,
    },
    { bench, name: `"how many pods are pending", median`, value: median(pending), unit: "ms", note },
    {
      bench,
      name: "names index, first read",
      value: namesMs,
      unit: "ms",
      note: `${names?.objects.size ?? 0} object names`,
    },
  ];
}

await reportFigures(measure);
