import type { Container, ContainerOverrides } from "../container.js";
import { isCodedError } from "../core/errors.js";
import { exitCodeForError } from "./exit-codes.js";
import { requireKubeconfig } from "./kubeconfig-lookup.js";

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
    const [{ loadConfig }, { buildContainer }] = await Promise.all([
      import("../config/load-config.js"),
      import("../container.js"),
    ]);
    const config = loadConfig({
      defaults,
      overrides: { KUBECONFIG: flags.kubeconfig, K8HELPER_CONTEXT: flags.context, PORT: flags.port },
    });
    requireKubeconfig(config.kube.kubeconfig);
    return await buildContainer(config, overrides);
  } catch (error) {
    exitWithError(error);
  }
}

/** Prints a user-facing error once (never a stack trace for a coded one) and exits with its code (exit-codes.ts). */
export function exitWithError(error: unknown): never {
  if (isCodedError(error)) {
    process.stderr.write(`k8helper: ${error.message}\n`);
    process.exit(exitCodeForError(error.code));
  }
  process.stderr.write(`k8helper: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
