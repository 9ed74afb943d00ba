import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, join } from "node:path";
import { CodedError } from "../core/errors.js";

/** Where client-node looks inside a pod: the ServiceAccount's token. */
const IN_CLUSTER_TOKEN = "/var/run/secrets/kubernetes.io/serviceaccount/token";

const HOW_TO =
  "Point at one with --kubeconfig FILE (or KUBECONFIG=FILE) and pick a cluster with --context NAME; " +
  "`npx k8helper demo-cluster` starts a simulated one.";

/**
 * Fails early, and says where it looked, when there is no kubeconfig to read: client-node would otherwise fall
 * back to http://localhost:8080 and fail later with a message about plain HTTP.
 */
export function requireKubeconfig(configured: string | undefined): void {
  if (configured) {
    const files = configured.split(delimiter).filter(Boolean);
    if (files.some((file) => existsSync(file))) return;
    throw new CodedError("config", `No kubeconfig found: ${files.join(", ")} does not exist. ${HOW_TO}`);
  }
  const home = join(homedir(), ".kube", "config");
  if (existsSync(home) || existsSync(IN_CLUSTER_TOKEN)) return;
  throw new CodedError(
    "config",
    `No kubeconfig found: KUBECONFIG is not set, ${home} does not exist and this is not a pod. ${HOW_TO}`,
  );
}
