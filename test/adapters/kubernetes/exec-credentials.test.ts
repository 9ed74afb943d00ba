import { execFile } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { createClusterSet } from "../../../src/adapters/kubernetes/cluster-set.js";
import { type SimulatedCluster, startSimulatedCluster } from "../../../src/demo/cluster-server.js";
import { createServingCertificate } from "../../../src/demo/serving-certificate.js";

const ISSUED = 3;

let simulated: SimulatedCluster;
let kubeconfig: string;
let fingerprints: string[];

/**
 * A kubeconfig whose user is an exec credential plugin (as Teleport's) that hands out the next client
 * certificate on every run, each already expired so client-node runs the plugin for every request.
 */
beforeAll(async () => {
  simulated = await startSimulatedCluster({ seed: 1 });
  const dir = mkdtempSync(join(tmpdir(), "exec-plugin-"));
  const source = parse(readFileSync(simulated.kubeconfigPath, "utf8"));
  const token = source.users[0].user.token;
  fingerprints = [];
  for (let index = 1; index <= ISSUED; index++) {
    const certificate = createServingCertificate(`exec-client-${index}`);
    fingerprints.push(new X509Certificate(certificate.certPem).fingerprint256);
    const credential = {
      apiVersion: "client.authentication.k8s.io/v1",
      kind: "ExecCredential",
      status: {
        token,
        clientCertificateData: certificate.certPem,
        clientKeyData: certificate.keyPem,
        expirationTimestamp: "2000-01-01T00:00:00Z",
      },
    };
    writeFileSync(join(dir, `credential-${index}.json`), JSON.stringify(credential));
  }
  const plugin = join(dir, "issue-certificate.sh");
  writeFileSync(
    plugin,
    `#!/bin/sh
n=$(cat "${dir}/count" 2>/dev/null || echo 0)
n=$((n + 1))
[ "$n" -gt ${ISSUED} ] && n=${ISSUED}
echo "$n" > "${dir}/count"
cat "${dir}/credential-$n.json"
`,
  );
  chmodSync(plugin, 0o755);
  source.users[0].user = {
    exec: { apiVersion: "client.authentication.k8s.io/v1", command: plugin, interactiveMode: "Never" },
  };
  kubeconfig = join(dir, "kubeconfig");
  writeFileSync(kubeconfig, stringify(source));
});

afterAll(async () => {
  await simulated?.close();
});

describe("client certificates from an exec credential plugin", () => {
  it("each new certificate is presented on the next request (the TLS dispatcher is rebuilt)", async () => {
    const cluster = createClusterSet({ kubeconfig, requestTimeoutMs: 10_000 }).get();
    const before = simulated.requests.length;
    for (let index = 0; index < ISSUED + 1; index++) await cluster.version();
    const presented = simulated.requests.slice(before).map((request) => request.clientCertificate);
    expect(presented).toEqual([...fingerprints, fingerprints[ISSUED - 1]]);
    expect(simulated.requests.slice(before).every((request) => request.status === 200)).toBe(true);
  });

  it("kubectl authenticates with the same plugin and presents its certificate", async () => {
    const before = simulated.requests.length;
    const { stdout } = await promisify(execFile)("kubectl", [
      "--kubeconfig",
      kubeconfig,
      "get",
      "--raw",
      "/version",
    ]);
    expect(JSON.parse(stdout).gitVersion).toMatch(/^v1\./);
    expect(simulated.requests.slice(before).map((request) => request.clientCertificate)).toContain(
      fingerprints[ISSUED - 1],
    );
  });
});
