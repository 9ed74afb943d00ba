import type { Command } from "commander";
import { CodedError } from "../core/errors.js";

interface DemoClusterFlags {
  port?: string;
  kubeconfigOut?: string;
  pods?: string;
  seed: string;
  snapshot?: string;
}

function wholeNumber(flag: string, value: string | undefined, max: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > max) {
    throw new CodedError("bad_request", `${flag} must be a whole number from 0 to ${max}, not "${value}"`);
  }
  return number;
}

/** `k8helper demo-cluster`: only the simulated Kubernetes API server, for kubectl or any client. */
export function registerDemoClusterCommand(program: Command): void {
  program
    .command("demo-cluster")
    .description("start the simulated Kubernetes cluster (HTTPS on 127.0.0.1) and write a kubeconfig for it")
    .option("--port <port>", "port to listen on (default: a free one)")
    .option("--kubeconfig-out <file>", "where to write the kubeconfig (default: a temporary file)")
    .option("--pods <count>", "extra generated healthy pods, e.g. 10000")
    .option("--seed <seed>", "sample data seed", "1")
    .option(
      "--snapshot <path>",
      "serve a snapshot instead of the sample data: a cluster-info dump (folder or output), a support bundle (.tar.gz or folder) or kubectl get -o yaml/json files",
    )
    .action(async (flags: DemoClusterFlags) => {
      const [{ startSimulatedCluster }, { exitWithError }, { assertKubeconfigFree }, snapshots] =
        await Promise.all([
          import("../demo/cluster-server.js"),
          import("./cli-container.js"),
          import("./demo-kubeconfig.js"),
          import("./snapshot-cluster.js"),
        ]);
      try {
        if (flags.snapshot && flags.pods)
          throw new CodedError("bad_request", "--pods adds to the sample data, not to a --snapshot");
        if (flags.kubeconfigOut) await assertKubeconfigFree(flags.kubeconfigOut);
        const snapshot = flags.snapshot ? await snapshots.loadSnapshotForCli(flags.snapshot) : undefined;
        if (snapshot) process.stdout.write(snapshots.describeSnapshot(snapshot));
        const cluster = await startSimulatedCluster({
          snapshot,
          port: wholeNumber("--port", flags.port, 65_535),
          pods: wholeNumber("--pods", flags.pods, 200_000),
          seed: wholeNumber("--seed", flags.seed, 2 ** 32 - 1),
          kubeconfigOut: flags.kubeconfigOut,
          liveEvents: true,
        });
        process.stdout.write(
          [
            `Simulated cluster: ${cluster.url}`,
            `Kubeconfig:        ${cluster.kubeconfigPath} (context ${cluster.contextName})`,
            "Try:",
            `  kubectl --kubeconfig ${cluster.kubeconfigPath} get pods -A`,
            `  KUBECONFIG=${cluster.kubeconfigPath} k8helper run diagnose all_namespaces=true`,
            "Ctrl-C stops it.",
            "",
          ].join("\n"),
        );
        const stop = () => {
          cluster.close().then(
            () => process.exit(0),
            () => process.exit(1),
          );
        };
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      } catch (error) {
        exitWithError(error);
      }
    });
}
