/**
 * `npm run bench`: runs every benchmark in bench/ (each in its own process, so one's memory and JIT state
 * do not colour another's) and prints one table; `--json` prints the same figures as JSON.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Figure, formatTable } from "./lib/report.js";

const benchDir = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const files = readdirSync(benchDir)
  .filter((file) => file.endsWith(".ts") && file !== "run-all.ts")
  .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
  .sort();

const figures: Figure[] = [];
const failures: string[] = [];
for (const file of files) {
  process.stderr.write(`bench: ${file}…\n`);
  const result = spawnSync(process.execPath, ["--import", "tsx", join(benchDir, file), "--json"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    timeout: 15 * 60_000,
  });
  const lastLine = result.stdout.trim().split("\n").pop() ?? "";
  try {
    figures.push(...(JSON.parse(lastLine) as Figure[]));
  } catch {
    failures.push(
      `${file}: exit ${result.status}${result.stderr ? `\n${result.stderr.trim().split("\n").slice(-5).join("\n")}` : ""}`,
    );
  }
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
if (process.argv.includes("--json")) {
  process.stdout.write(`${JSON.stringify({ machine, figures, failures }, null, 2)}\n`);
} else {
  process.stdout.write(`K8Helper benchmarks on ${machine}\n\n${formatTable(figures)}\n`);
  if (failures.length > 0) process.stdout.write(`\nFailed:\n${failures.join("\n")}\n`);
}
process.exitCode = failures.length > 0 ? 1 : 0;
