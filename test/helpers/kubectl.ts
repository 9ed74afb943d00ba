import { execFile } from "node:child_process";
import { promisify } from "node:util";

/**
 * `kubectl --kubeconfig <path> get <args>`'s output. Asynchronous: the simulated cluster answers from this very
 * process, so kubectl must not block it.
 */
export async function kubectlGet(kubeconfigPath: string, args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)("kubectl", ["--kubeconfig", kubeconfigPath, "get", ...args], {
    encoding: "utf8",
  });
  return stdout;
}

/** The names kubectl itself lists for a resource in a namespace, sorted. */
export async function kubectlNames(
  kubeconfigPath: string,
  resource: string,
  namespace: string,
): Promise<string[]> {
  const output = await kubectlGet(kubeconfigPath, [
    resource,
    "-n",
    namespace,
    "-o",
    "jsonpath={.items[*].metadata.name}",
  ]);
  return output.split(" ").filter(Boolean).sort();
}
