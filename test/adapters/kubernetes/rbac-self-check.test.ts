import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  checkReadOnlyIdentity,
  verifyReadOnlyIdentity,
} from "../../../src/adapters/kubernetes/rbac-self-check.js";
import { CodedError } from "../../../src/core/errors.js";
import {
  defaultRbacRulesFile,
  type SimulatedCluster,
  startSimulatedCluster,
} from "../../../src/demo/cluster-server.js";
import { recordingLogger } from "../../helpers/recording-logger.js";

/** The chart's read-only rules plus `extra`, as a rules file the simulated cluster enforces. */
function rulesFileWith(extra: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "k8helper-rbac-")), "rules.yaml");
  writeFileSync(file, `${readFileSync(defaultRbacRulesFile(), "utf8").trimEnd()}\n${extra}`);
  return file;
}

const TOO_BROAD = `
- apiGroups: [""]
  resources: [pods, pods/exec]
  verbs: [get, list, create, delete]
- apiGroups: [apps]
  resources: [deployments]
  verbs: [patch]
- apiGroups: [""]
  resources: [secrets]
  verbs: [get]
`;

let cluster: SimulatedCluster | undefined;
afterEach(async () => {
  await cluster?.close();
  cluster = undefined;
});

describe("the start-up RBAC self-check", () => {
  it("finds nothing to report for the chart's read-only rules", async () => {
    cluster = await startSimulatedCluster();
    const report = await checkReadOnlyIdentity({ kubeconfig: cluster.kubeconfigPath, namespace: "default" });
    expect(report).toEqual({ writable: [], secrets: false, namespace: "default", incomplete: false });
    const reviews = cluster.requests.filter((r) => r.method === "POST");
    expect(reviews.map((r) => r.path)).toContain("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews");
    expect(reviews.some((r) => r.path === "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews")).toBe(
      true,
    );
    // The reviews are the only requests that are not GETs.
    expect(cluster.requests.every((r) => r.method === "GET" || r.path.includes("/selfsubject"))).toBe(true);
  });

  it("lists what a broader identity may change, and that it may read Secrets", async () => {
    cluster = await startSimulatedCluster({ rbacRulesFile: rulesFileWith(TOO_BROAD) });
    const report = await checkReadOnlyIdentity({ kubeconfig: cluster.kubeconfigPath, namespace: "shop" });
    expect(report.secrets).toBe(true);
    expect(report.writable).toEqual(
      expect.arrayContaining(["create pods", "delete pods", "create pods/exec", "patch deployments.apps"]),
    );
    expect(report.writable.every((grant) => !grant.startsWith("get ") && !grant.startsWith("list "))).toBe(
      true,
    );
  });

  it("logs one loud warning, and keeps going, when not strict", async () => {
    cluster = await startSimulatedCluster({ rbacRulesFile: rulesFileWith(TOO_BROAD) });
    const logger = recordingLogger();
    const report = await verifyReadOnlyIdentity(
      { kubeconfig: cluster.kubeconfigPath, namespace: "default" },
      { strict: false, logger },
    );
    expect(report?.secrets).toBe(true);
    const warnings = logger.entries.filter((line) => line.level === "warn");
    expect(warnings).toHaveLength(1);
    expect(warnings[0].fields.event).toBe("rbac_too_broad");
    expect(warnings[0].message).toMatch(
      /^WARNING: .*more than read-only access: it may .*create pods.*; it may read Secrets/,
    );
    expect(warnings[0].message).toContain("K8HELPER_STRICT_RBAC=true");
  });

  it("refuses to start with a config error in strict mode", async () => {
    cluster = await startSimulatedCluster({ rbacRulesFile: rulesFileWith(TOO_BROAD) });
    const attempt = verifyReadOnlyIdentity(
      { kubeconfig: cluster.kubeconfigPath, namespace: "default" },
      { strict: true, logger: recordingLogger() },
    );
    await expect(attempt).rejects.toBeInstanceOf(CodedError);
    await expect(attempt).rejects.toMatchObject({
      code: "config",
      message: expect.stringMatching(/Refusing to start/),
    });
  });

  it("starts quietly in strict mode with the read-only rules", async () => {
    cluster = await startSimulatedCluster();
    const logger = recordingLogger();
    await verifyReadOnlyIdentity(
      { kubeconfig: cluster.kubeconfigPath, namespace: "default" },
      { strict: true, logger },
    );
    expect(logger.entries.map((line) => [line.level, line.fields.event])).toEqual([
      ["info", "rbac_read_only"],
    ]);
  });

  it("cannot verify an unreachable API server: a warning, or a refusal when strict", async () => {
    cluster = await startSimulatedCluster();
    const kubeconfig = cluster.kubeconfigPath;
    await cluster.close();
    cluster = undefined;
    const logger = recordingLogger();
    expect(
      await verifyReadOnlyIdentity(
        { kubeconfig, namespace: "default", timeoutMs: 2000 },
        { strict: false, logger },
      ),
    ).toBeUndefined();
    expect(logger.entries[0]).toMatchObject({ level: "warn", fields: { event: "rbac_unverified" } });
    await expect(
      verifyReadOnlyIdentity({ kubeconfig, namespace: "default", timeoutMs: 2000 }, { strict: true, logger }),
    ).rejects.toMatchObject({ code: "config", message: expect.stringMatching(/Could not verify/) });
  });

  it("makes `k8helper serve` refuse to start, with the reason and exit code 2, when strict", async () => {
    cluster = await startSimulatedCluster({ rbacRulesFile: rulesFileWith(TOO_BROAD) });
    const env = {
      PATH: process.env.PATH ?? "",
      KUBECONFIG: cluster.kubeconfigPath,
      PORT: "0",
      K8HELPER_STRICT_RBAC: "true",
    };
    const outcome = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ["dist/cli.js", "serve"],
        { env, timeout: 20_000 },
        (error, _stdout, stderr) =>
          resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stderr }),
      );
    });
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(
      /^k8helper: .*more than read-only access: .*create pods.*Refusing to start/m,
    );
  });
});
