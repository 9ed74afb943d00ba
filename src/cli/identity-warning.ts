import { verifyReadOnlyIdentity } from "../adapters/kubernetes/rbac-self-check.js";
import type { Config } from "../config/config.js";
import type { Logger } from "../core/ports.js";

/**
 * What `serve` does at start, for the commands a person runs with their own kubeconfig (`ask`, `run`, `mcp`):
 * asks the API server what the identity may do and prints a plain warning on standard error when it may write
 * or read Secrets. K8Helper's guards hold either way; the warning says the kubeconfig holds more than it needs.
 * With K8HELPER_STRICT_RBAC=true the command refuses to run instead (a config error).
 */
export async function warnAboutBroadIdentity(config: Config, stderr: NodeJS.WritableStream): Promise<void> {
  const say = (_: Record<string, unknown>, message?: string) => {
    if (message) stderr.write(`k8helper: ${message}\n`);
  };
  const logger: Logger = { debug() {}, info() {}, warn: say, error: say };
  await verifyReadOnlyIdentity(
    {
      kubeconfig: config.kube.kubeconfig,
      context: config.kube.context,
      namespace: config.kube.defaultNamespace ?? "default",
    },
    { strict: config.kube.strictRbac, logger },
  );
}
