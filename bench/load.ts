/**
 * Load: 200 concurrent clients for 30 s through the HTTP API, then through Slack HTTP mode (signed /k8s, each
 * client waiting for its command's final chat.update), on the simulated cluster with the offline planner and a
 * question mix. Errors, lost and doubled replies, throughput, latency, and memory before and after.
 * `--seconds N` shortens the runs.
 */
import { httpLoad, type LoadOutcome, slackLoad } from "../test/pressure/load-driver.js";
import { startPressureStack } from "../test/pressure/pressure-stack.js";
import { settledMemory } from "./lib/memory.js";
import { type Figure, reportFigures } from "./lib/report.js";
import { percentile } from "./lib/stats.js";

const CONCURRENT = 200;
const secondsFlag = process.argv.indexOf("--seconds");
const SECONDS = secondsFlag > 0 ? Number(process.argv[secondsFlag + 1]) : 30;

function figures(front: string, outcome: LoadOutcome, seconds: number): Figure[] {
  const bench = "load";
  const failed = outcome.errors + outcome.lost + outcome.duplicated;
  return [
    {
      bench,
      name: `${front}: questions answered / s (${CONCURRENT} concurrent)`,
      value: outcome.ok / seconds,
      unit: "q/s",
      note: `${outcome.sent} sent in ${seconds} s`,
    },
    {
      bench,
      name: `${front}: errors + lost + doubled replies`,
      value: failed,
      unit: "",
      goal: "0",
      note: `errors ${outcome.errors}, lost ${outcome.lost}, doubled ${outcome.duplicated}${outcome.samples.length ? `; e.g. ${outcome.samples[0]}` : ""}`,
    },
    {
      bench,
      name: `${front}: time to final reply p50`,
      value: percentile(outcome.latencies, 50),
      unit: "ms",
    },
    {
      bench,
      name: `${front}: time to final reply p99`,
      value: percentile(outcome.latencies, 99),
      unit: "ms",
    },
  ];
}

await reportFigures(async () => {
  const stack = await startPressureStack({ logLevel: "info", userPerMinute: 1_000_000 });
  // The simulated cluster's request log is the test's bookkeeping, not K8Helper's memory.
  const trim = setInterval(() => {
    stack.cluster.requests.length = 0;
  }, 1_000);
  try {
    await httpLoad(stack, CONCURRENT, 2_000); // warm-up: JIT, discovery, the answer cache
    await slackLoad(stack, CONCURRENT, 2_000);
    const before = await settledMemory();
    // Each run right after a short one on the same front end: its clients' keep-alive connections are open.
    await httpLoad(stack, CONCURRENT, 1_000);
    const http = await httpLoad(stack, CONCURRENT, SECONDS * 1000);
    await slackLoad(stack, CONCURRENT, 1_000);
    const slack = await slackLoad(stack, CONCURRENT, SECONDS * 1000);
    const after = await settledMemory();
    return [
      ...figures("HTTP API", http, SECONDS),
      ...figures("Slack /k8s", slack, SECONDS),
      {
        bench: "load",
        name: "RSS after the load",
        value: after.rssMiB,
        unit: "MiB",
        note: `before: ${before.rssMiB.toFixed(1)} MiB; bot, fakes and cluster in one process`,
      },
      {
        bench: "load",
        name: "live heap growth over the load (full GC)",
        value: after.heapUsedMiB - before.heapUsedMiB,
        unit: "MiB",
        note: `${before.heapUsedMiB.toFixed(1)} → ${after.heapUsedMiB.toFixed(1)} MiB; caches are LRUs of 5,000`,
      },
    ];
  } finally {
    clearInterval(trim);
    await stack.close();
  }
});
