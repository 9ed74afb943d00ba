/**
 * `k8helper serve` alone (the simulated cluster in this process, the server in its own; builtin planner,
 * rate limits raised, answer TTL 0 so every question is computed): RSS and live heap after a full GC
 * after 10,000 and 20,000 questions, with Node's default heap sizing and under the chart's NODE_OPTIONS.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { startSimulatedCluster } from "../src/demo/cluster-server.js";
import { type Figure, reportFigures } from "./lib/report.js";

// `--quick`: a tenth of the questions, for a check on a busy machine.
const STEPS = process.argv.includes("--quick") ? [1_000, 2_000] : [10_000, 20_000];
const CONCURRENCY = 4;
const CHART_NODE_OPTIONS = "--max-old-space-size=192"; // what the chart renders for its 384Mi limit
const probe = fileURLToPath(new URL("./lib/heap-probe.mjs", import.meta.url));
const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const devSet = readFileSync(new URL("../../shared/eval/planner-dev.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => (JSON.parse(line) as { q: string }).q);

function waitForLine(child: ChildProcess, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let text = "";
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      const match = text.match(pattern);
      if (match) {
        child.stdout?.off("data", onData);
        child.stderr?.off("data", onData);
        resolve(match);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) =>
      reject(new Error(`serve exited (${code}) before ${pattern}: ${text.slice(-500)}`)),
    );
  });
}

async function settled(child: ChildProcess): Promise<{ rssMiB: number; heapMiB: number }> {
  const line = waitForLine(child, /HEAP_PROBE (\{[^\n]*\})/);
  child.kill("SIGUSR2");
  const { rss, heapUsed } = JSON.parse((await line)[1]) as { rss: number; heapUsed: number };
  return { rssMiB: rss / 2 ** 20, heapMiB: heapUsed / 2 ** 20 };
}

async function measure(kubeconfig: string, nodeOptions: string) {
  const child = spawn(process.execPath, [cli, "serve", "--kubeconfig", kubeconfig], {
    env: {
      PATH: process.env.PATH ?? "",
      HOME: "/tmp",
      PORT: "0",
      LOG_LEVEL: "error",
      K8HELPER_PLANNER: "builtin",
      K8HELPER_ANSWER_TTL: "0",
      K8HELPER_RATE_LIMIT_PER_MINUTE: "100000000",
      K8HELPER_CHANNEL_RATE_LIMIT_PER_MINUTE: "100000000",
      NODE_OPTIONS: `${nodeOptions} --import=${probe}`.trim(),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const [, url] = await waitForLine(child, /K8Helper is serving on (http:\/\/\S+)/);
  const start = await settled(child);
  let asked = 0;
  const samples: { questions: number; rssMiB: number; heapMiB: number }[] = [];
  const started = Date.now();
  for (const step of STEPS) {
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (asked < step) {
          const query = devSet[asked++ % devSet.length];
          const response = await fetch(`${url}/api/v1/query`, {
            method: "POST",
            headers: { "Content-Type": "application/json", "X-User-Id": `bench-${asked % 500}` },
            body: JSON.stringify({ query }),
          });
          await response.arrayBuffer();
        }
      }),
    );
    samples.push({ questions: step, ...(await settled(child)) });
  }
  const seconds = (Date.now() - started) / 1000;
  child.kill("SIGTERM");
  await new Promise((resolve) => child.once("exit", resolve));
  return { start, samples, seconds };
}

await reportFigures(async (): Promise<Figure[]> => {
  const cluster = await startSimulatedCluster({ seed: 1 });
  const figures: Figure[] = [];
  for (const [label, options] of [
    ["default heap", ""],
    ["chart NODE_OPTIONS", CHART_NODE_OPTIONS],
  ] as const) {
    const run = await measure(cluster.kubeconfigPath, options);
    cluster.requests.length = 0;
    for (const sample of run.samples) {
      figures.push({
        bench: "serve-memory",
        name: `serve RSS after ${sample.questions.toLocaleString("en-US")} questions (${label})`,
        value: sample.rssMiB,
        unit: "MiB",
        goal: "flat, well under 384Mi",
        note: `live heap ${sample.heapMiB.toFixed(1)} MiB after full GC; at start ${run.start.rssMiB.toFixed(1)} MiB RSS, ${run.start.heapMiB.toFixed(1)} MiB heap; ${Math.round(STEPS.at(-1)! / run.seconds)} q/s`,
      });
    }
  }
  await cluster.close();
  return figures;
});
