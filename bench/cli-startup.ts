/**
 * How long the `k8helper` binary takes from spawn to exit: --version, --help, plan (builtin planner, no
 * cluster) and ask (against the simulated cluster), each the median of several runs, with `node -e 0` as the
 * floor every command pays. Runs dist/cli.js: `npm run build` first.
 */
import { spawn } from "node:child_process";
import { startSimulatedCluster } from "../src/demo/cluster-server.js";
import { type Figure, reportFigures } from "./lib/report.js";
import { median } from "./lib/stats.js";

const RUNS = 5;
const env = {
  ...process.env,
  KUBECONFIG: "/nonexistent/kubeconfig",
  OPENAI_API_KEY: "",
  HUNYUAN_API_KEY: "",
};

function timeOnce(args: string[], extraEnv: Record<string, string> = {}): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...env, ...extraEnv }, stdio: "ignore" });
    child.on("error", reject);
    child.on("close", (status) =>
      status === 0
        ? resolve(performance.now() - started)
        : reject(new Error(`${args.join(" ")}: exit ${status}`)),
    );
  });
}

async function medianMs(args: string[], extraEnv?: Record<string, string>): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) times.push(await timeOnce(args, extraEnv));
  return median(times);
}

const cluster = await startSimulatedCluster();
try {
  const floor = await medianMs(["-e", "0"]);
  const cases: Array<[name: string, args: string[], goal?: string, extraEnv?: Record<string, string>]> = [
    ["--version", ["--version"], "< 200 ms"],
    ["--help", ["--help"]],
    ["plan (builtin, no cluster)", ["plan", "pods in shop"], "< 400 ms"],
    ["ask (simulated cluster)", ["ask", "pods in shop"], undefined, { KUBECONFIG: cluster.kubeconfigPath }],
  ];
  const figures: Figure[] = [
    { bench: "cli-startup", name: "node -e 0 (the floor)", value: floor, unit: "ms" },
  ];
  for (const [name, args, goal, extraEnv] of cases) {
    const value = await medianMs(["dist/cli.js", ...args], extraEnv);
    figures.push({
      bench: "cli-startup",
      name: `k8helper ${name}`,
      value,
      unit: "ms",
      goal,
      note: `median of ${RUNS}`,
    });
  }
  await reportFigures(async () => figures);
} finally {
  await cluster.close();
}
