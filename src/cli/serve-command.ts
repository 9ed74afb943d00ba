import type { Command } from "commander";

/** `k8helper serve`: the HTTP API, web page, metrics and (when configured) the Slack bot, on one port. */
export function registerServeCommand(program: Command): void {
  program
    .command("serve")
    .description("serve the web UI, REST API, /metrics and the Slack bot (when Slack tokens are set)")
    .option("--kubeconfig <file>", "kubeconfig file (default: KUBECONFIG, ~/.kube/config or in-cluster)")
    .option("--context <context>", "default kubeconfig context")
    .option(
      "--snapshot <path>",
      "serve answers about a snapshot (cluster-info dump, support bundle, YAML files)",
    )
    .action(async (flags: { kubeconfig?: string; context?: string; snapshot?: string }) => {
      const [{ startServices, stopOnSignals }, { containerForCli, exitWithError }, snapshots] =
        await Promise.all([
          import("../main.js"),
          import("./cli-container.js"),
          import("./snapshot-cluster.js"),
        ]);
      try {
        snapshots.checkSnapshotFlags(flags);
      } catch (error) {
        exitWithError(error);
      }
      const snapshot = flags.snapshot
        ? await snapshots
            .startSnapshotCluster(flags.snapshot, (line) => process.stdout.write(line))
            .catch((error) => exitWithError(error))
        : undefined;
      const container = await containerForCli({ ...flags, ...snapshot?.flags }, snapshot?.overrides, {
        LOG_LEVEL: "info",
      });
      try {
        const services = await startServices(container);
        process.stdout.write(`K8Helper is serving on ${services.http.url}\n`);
        stopOnSignals(services, (message) => process.stderr.write(`${message}\n`));
      } catch (error) {
        exitWithError(error);
      }
    });
}
