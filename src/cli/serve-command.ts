import type { Command } from "commander";

/** `k8helper serve`: the HTTP API, web page, metrics and (when configured) the Slack bot, on one port. */
export function registerServeCommand(program: Command): void {
  program
    .command("serve")
    .description("serve the web UI, REST API, /metrics and the Slack bot (when Slack tokens are set)")
    .option("--kubeconfig <file>", "kubeconfig file (default: KUBECONFIG, ~/.kube/config or in-cluster)")
    .option("--context <context>", "default kubeconfig context")
    .action(async (flags: { kubeconfig?: string; context?: string }) => {
      const [{ startServices, stopOnSignals }, { containerForCli, exitWithError }] = await Promise.all([
        import("../main.js"),
        import("./cli-container.js"),
      ]);
      const container = await containerForCli(flags, {}, { LOG_LEVEL: "info" });
      try {
        const services = await startServices(container);
        process.stdout.write(`K8Helper is serving on ${services.http.url}\n`);
        stopOnSignals(services, (message) => process.stderr.write(`${message}\n`));
      } catch (error) {
        exitWithError(error);
      }
    });
}
