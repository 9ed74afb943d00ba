import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import type { Command } from "commander";
import { createLogger } from "../adapters/logging/create-logger.js";
import { loadConfig } from "../config/load-config.js";
import { buildContainer } from "../container.js";
import { createMcpServer } from "../frontends/mcp/mcp-server.js";
import { VERSION } from "../version.js";
import { type ClusterFlags, exitWithError } from "./cli-container.js";
import { checkSnapshotFlags, startSnapshotCluster, withAnswerNote } from "./snapshot-cluster.js";

/** `k8helper mcp`: the read-only tools for IDE agents over MCP on standard input/output. */
export function registerMcpCommand(program: Command): void {
  program
    .command("mcp")
    .description("serve the read-only tools over the Model Context Protocol on stdin/stdout (for IDE agents)")
    .option("--kubeconfig <file>", "kubeconfig file (default: KUBECONFIG, ~/.kube/config or in-cluster)")
    .option("--context <context>", "default kubeconfig context")
    .option("--snapshot <path>", "answer about a snapshot (cluster-info dump, support bundle, YAML files)")
    .action(async (flags: ClusterFlags & { snapshot?: string }) => {
      try {
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
        // Standard output carries the protocol: every log line goes to standard error.
        const logger = createLogger({ level: config.server.logLevel, destination: process.stderr });
        const container = await buildContainer(config, { logger, ...snapshot?.overrides });
        const server = createMcpServer({
          answers: snapshot ? withAnswerNote(container.answers, snapshot.note) : container.answers,
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
