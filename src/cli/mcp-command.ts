import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import type { Command } from "commander";
import { createLogger } from "../adapters/logging/create-logger.js";
import { loadConfig } from "../config/load-config.js";
import { buildContainer } from "../container.js";
import { createMcpServer } from "../frontends/mcp/mcp-server.js";
import { VERSION } from "../version.js";
import { type ClusterFlags, exitWithError } from "./cli-container.js";
import { warnAboutBroadIdentity } from "./identity-warning.js";

/** `k8helper mcp`: the read-only tools for IDE agents over MCP on standard input/output. */
export function registerMcpCommand(program: Command): void {
  program
    .command("mcp")
    .description("serve the read-only tools over the Model Context Protocol on stdin/stdout (for IDE agents)")
    .option("--kubeconfig <file>", "kubeconfig file (default: KUBECONFIG, ~/.kube/config or in-cluster)")
    .option("--context <context>", "default kubeconfig context")
    .action(async (flags: ClusterFlags) => {
      try {
        const config = loadConfig({
          defaults: { LOG_LEVEL: "warn" },
          overrides: { KUBECONFIG: flags.kubeconfig, K8HELPER_CONTEXT: flags.context },
        });
        // Standard output carries the protocol: every log line goes to standard error.
        const logger = createLogger({ level: config.server.logLevel, destination: process.stderr });
        const container = await buildContainer(config, { logger });
        // Strict mode refuses to serve a too-broad identity, so it waits; otherwise the warning may come later.
        const identity = warnAboutBroadIdentity(config, process.stderr);
        if (config.kube.strictRbac) await identity;
        else identity.catch(exitWithError);
        const server = createMcpServer({
          answers: container.answers,
          logger,
          caller: "stdio",
          version: VERSION,
        });
        const stop = () => void container.close().finally(() => process.exit(0));
        server.onclose = stop;
        process.stdin.once("end", stop);
        await server.connect(new StdioServerTransport());
      } catch (error) {
        exitWithError(error);
      }
    });
}
