import type { Command } from "commander";
import { VERSION } from "../version.js";
import type { ClusterFlags } from "./cli-container.js";

/** `k8helper mcp`: the read-only tools for IDE agents over MCP on standard input/output. */
export function registerMcpCommand(program: Command): void {
  program
    .command("mcp")
    .description("serve the read-only tools over the Model Context Protocol on stdin/stdout (for IDE agents)")
    .option("--kubeconfig <file>", "kubeconfig file (default: KUBECONFIG, ~/.kube/config or in-cluster)")
    .option("--context <context>", "default kubeconfig context")
    .option("--snapshot <path>", "answer about a snapshot (cluster-info dump, support bundle, YAML files)")
    .action(async (flags: ClusterFlags & { snapshot?: string }) => {
      const { exitWithError } = await import("./cli-container.js");
      try {
        const [
          { StdioServerTransport },
          { createLogger },
          { loadConfig },
          { buildContainer },
          { createMcpServer },
          { requireKubeconfig },
          { checkSnapshotFlags, startSnapshotCluster },
        ] = await Promise.all([
          import("@modelcontextprotocol/sdk/server/stdio.js"),
          import("../adapters/logging/create-logger.js"),
          import("../config/load-config.js"),
          import("../container.js"),
          import("../frontends/mcp/mcp-server.js"),
          import("./kubeconfig-lookup.js"),
          import("./snapshot-cluster.js"),
        ]);
        checkSnapshotFlags(flags);
        // Standard output carries the protocol: progress goes to standard error.
        const snapshot = flags.snapshot
          ? await startSnapshotCluster(flags.snapshot, (line) => process.stderr.write(line))
          : undefined;
        const config = loadConfig({
          defaults: { LOG_LEVEL: "warn" },
          overrides: {
            KUBECONFIG: snapshot?.flags.kubeconfig ?? flags.kubeconfig,
            K8HELPER_CONTEXT: snapshot?.flags.context ?? flags.context,
          },
        });
        requireKubeconfig(config.kube.kubeconfig);
        // Standard output carries the protocol: every log line goes to standard error.
        const logger = createLogger({ level: config.server.logLevel, destination: process.stderr });
        const container = await buildContainer(config, { logger, ...snapshot?.overrides });
        if (!snapshot) {
          const { warnAboutBroadIdentity } = await import("./identity-warning.js");
          // Strict mode refuses to serve a too-broad identity, so it waits; otherwise the warning may come later.
          const identity = warnAboutBroadIdentity(config, process.stderr);
          if (config.kube.strictRbac) await identity;
          else identity.catch(exitWithError);
        }
        const server = createMcpServer({
          answers: container.answers,
          logger,
          caller: "stdio",
          version: VERSION,
        });
        const stop = () =>
          void container
            .close()
            .then(() => snapshot?.close())
            .finally(() => process.exit(0));
        server.onclose = stop;
        process.stdin.once("end", stop);
        await server.connect(new StdioServerTransport());
      } catch (error) {
        exitWithError(error);
      }
    });
}
