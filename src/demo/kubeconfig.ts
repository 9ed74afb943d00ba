import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";

export interface KubeconfigPlan {
  url: string;
  token: string;
  contextName: string;
  /** PEM of the CA that signed the server's certificate. */
  caPem: string;
  /** Where to write; a fresh temporary directory when absent. */
  path?: string;
}

/** Writes a kubeconfig for the simulated cluster: its HTTPS URL, its CA and a bearer token. */
export function writeKubeconfig(plan: KubeconfigPlan): string {
  const path = plan.path ?? join(mkdtempSync(join(tmpdir(), "k8helper-demo-")), "kubeconfig");
  const name = plan.contextName;
  const config = {
    apiVersion: "v1",
    kind: "Config",
    preferences: {},
    clusters: [
      {
        name,
        cluster: {
          server: plan.url,
          "certificate-authority-data": Buffer.from(plan.caPem).toString("base64"),
        },
      },
    ],
    users: [{ name, user: { token: plan.token } }],
    contexts: [{ name, context: { cluster: name, user: name, namespace: "default" } }],
    "current-context": name,
  };
  writeFileSync(path, stringify(config), { mode: 0o600 });
  return path;
}
