/**
 * Loading a snapshot: a real `kubectl cluster-info dump --output-directory` of the simulated cluster with
 * 10,000 extra pods, loaded in a fresh process (so its RSS is the loader's): load time, objects, RSS and
 * peak RSS.
 */
import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { startSimulatedCluster } from "../src/demo/cluster-server.js";
import { type Figure, reportFigures } from "./lib/report.js";

const PODS = 10_000;
const child = process.argv.includes("--load");

function peakRssMiB(): number {
  const status = readFileSync("/proc/self/status", "utf8");
  const match = /VmHWM:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

if (child) {
  // The measured side: one load, nothing else in the process.
  const { loadSnapshot } = await import("../src/demo/snapshot/load-snapshot.js");
  const started = performance.now();
  const snapshot = await loadSnapshot(process.argv.at(-1) as string);
  const loadMs = performance.now() - started;
  const rssMiB = process.memoryUsage().rss / 2 ** 20;
  process.stdout.write(
    `${JSON.stringify({ loadMs, objects: snapshot.objects.length, rssMiB, peakMiB: peakRssMiB() })}\n`,
  );
} else {
  await reportFigures(async (): Promise<Figure[]> => {
    const cluster = await startSimulatedCluster({ pods: PODS });
    const dir = mkdtempSync(join(tmpdir(), "bench-snapshot-"));
    const dump = join(dir, "dump");
    try {
      const dumpStarted = performance.now();
      await promisify(execFile)("kubectl", [
        "--kubeconfig",
        cluster.kubeconfigPath,
        "cluster-info",
        "dump",
        "--all-namespaces",
        "--output-directory",
        dump,
      ]);
      const dumpMs = performance.now() - dumpStarted;
      await cluster.close();
      const result = spawnSync(
        process.execPath,
        ["--import", "tsx", new URL(import.meta.url).pathname, "--load", dump],
        {
          encoding: "utf8",
          maxBuffer: 16 * 1024 * 1024,
        },
      );
      const measured = JSON.parse(result.stdout.trim().split("\n").pop() ?? "{}");
      const bench = "snapshot-load";
      const size = `${PODS.toLocaleString("en-US")}-pod dump`;
      return [
        {
          bench,
          name: `kubectl cluster-info dump of the ${size}`,
          value: dumpMs / 1000,
          unit: "s",
          note: "real kubectl, for scale",
        },
        {
          bench,
          name: `load the ${size}`,
          value: measured.loadMs / 1000,
          unit: "s",
          note: `${measured.objects} objects`,
        },
        { bench, name: `RSS after loading the ${size}`, value: measured.rssMiB, unit: "MiB" },
        { bench, name: `peak RSS while loading the ${size}`, value: measured.peakMiB, unit: "MiB" },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
