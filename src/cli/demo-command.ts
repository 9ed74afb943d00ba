import type { Command } from "commander";

interface DemoFlags {
  port?: string;
  kubeconfigOut?: string;
  clusterPort?: string;
  pods?: string;
  seed?: string;
}

/** `k8helper demo` (npm run demo): the simulated cluster plus the whole product on it, no real cluster needed. */
export function registerDemoCommand(program: Command): void {
  program
    .command("demo")
    .description(
      "start a simulated cluster and K8Helper on it: web UI, REST API, CLI (and Slack when tokens are set)",
    )
    .option("--port <port>", "web UI and API port (default: PORT or 8080)")
    .option("--cluster-port <port>", "simulated API server port (default: a free one)")
    .option(
      "--kubeconfig-out <file>",
      "where to write the cluster's kubeconfig (default: one per user in the temp dir)",
    )
    .option("--pods <count>", "extra generated pods, e.g. 10000")
    .option("--seed <seed>", "sample data seed", "1")
    .action(async (flags: DemoFlags) => {
      const [{ startSimulatedCluster }, { startServices, stopOnSignals }, cli, kubeconfigs] =
        await Promise.all([
          import("../demo/cluster-server.js"),
          import("../main.js"),
          import("./cli-container.js"),
          import("./demo-kubeconfig.js"),
        ]);
      const { containerForCli, exitWithError } = cli;
      try {
        const kubeconfigOut = flags.kubeconfigOut ?? kubeconfigs.defaultDemoKubeconfig();
        await kubeconfigs.assertKubeconfigFree(kubeconfigOut);
        const cluster = await startSimulatedCluster({
          port: flags.clusterPort ? Number(flags.clusterPort) : undefined,
          pods: flags.pods ? Number(flags.pods) : undefined,
          seed: Number(flags.seed ?? 1),
          kubeconfigOut,
          liveEvents: true,
        });
        const container = await containerForCli(
          { kubeconfig: cluster.kubeconfigPath, context: cluster.contextName, port: flags.port },
          {},
          { LOG_LEVEL: "warn" },
        );
        const services = await startServices(container);
        process.stdout.write(
          demoIntroduction(services.http.url, cluster.url, cluster.kubeconfigPath, services.slackMode),
        );
        stopOnSignals(
          {
            async stop() {
              await services.stop();
              await cluster.close();
            },
          },
          (message) => process.stderr.write(`${message}\n`),
        );
      } catch (error) {
        exitWithError(error);
      }
    });
}

function demoIntroduction(
  webUrl: string,
  clusterUrl: string,
  kubeconfig: string,
  slackMode?: string,
): string {
  return `
K8Helper demo is running on a simulated cluster (offline planner unless an LLM is configured).

  Web UI:      ${webUrl}/
  API:         curl -s ${webUrl}/api/v1/health
               curl -s -X POST ${webUrl}/api/v1/query -H 'Content-Type: application/json' \\
                 -d '{"query":"查看kube-system命名空间中的服务"}'
  CLI:         KUBECONFIG=${kubeconfig} npx k8helper ask "what's wrong in namespace shop?"
  kubectl:     kubectl --kubeconfig ${kubeconfig} get pods -A
  Cluster:     ${clusterUrl}
  Kubeconfig:  ${kubeconfig}
  Slack:       ${slackMode ? `running (${slackMode} mode)` : "off (set SLACK_BOT_TOKEN and SLACK_APP_TOKEN or SLACK_SIGNING_SECRET)"}

Try: "pods in kube-system", "why is checkout crashing in shop?", "which nodes use the most cpu?", "该集群有多少Pod？"
Press Ctrl+C to stop.
`;
}
