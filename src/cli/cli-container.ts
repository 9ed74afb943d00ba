import { loadConfig } from "../config/load-config.js";
import { buildContainer, type Container, type ContainerOverrides } from "../container.js";
import { isCodedError } from "../core/errors.js";

/** Flags every command that talks to a cluster accepts. */
export interface ClusterFlags {
  kubeconfig?: string;
  context?: string;
  namespace?: string;
  planner?: string;
  /** PORT for the commands that serve. */
  port?: string;
}

/** Builds the container from the environment plus the command's flags; a bad setting exits with every problem listed. */
export async function containerForCli(
  flags: ClusterFlags,
  overrides: ContainerOverrides = {},
  defaults: Record<string, string> = { LOG_LEVEL: "warn" },
): Promise<Container> {
  try {
    const config = loadConfig({
      defaults,
      overrides: { KUBECONFIG: flags.kubeconfig, K8HELPER_CONTEXT: flags.context, PORT: flags.port },
    });
    return await buildContainer(config, overrides);
  } catch (error) {
    exitWithError(error);
  }
}

/** Prints a user-facing error (never a stack trace for a coded one) and exits: 2 for configuration, 1 otherwise. */
export function exitWithError(error: unknown): never {
  if (isCodedError(error)) {
    process.stderr.write(`k8helper: ${error.message}\n`);
    process.exit(error.code === "config" ? 2 : 1);
  }
  process.stderr.write(`k8helper: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
