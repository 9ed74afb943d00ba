import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FindingsPart } from "../../../src/core/answer.js";
import { bundleTakenAt, writeBundleArchive, writeBundleFolder } from "../../fixtures/support-bundle.js";
import { question } from "../../helpers/question.js";
import { startSnapshotStack } from "./snapshot-stack.js";

const run = promisify(execFile);

describe.each([
  ["extracted", (dir: string) => Promise.resolve(writeBundleFolder(dir))],
  ["as the .tar.gz", (dir: string) => writeBundleArchive(dir)],
])("a troubleshoot.sh support bundle, %s", (_label, write) => {
  let stack: Awaited<ReturnType<typeof startSnapshotStack>>;
  const kubectl = async (...args: string[]) =>
    (await run("kubectl", ["--kubeconfig", stack.cluster.kubeconfigPath, ...args])).stdout;

  beforeAll(async () => {
    // This test asks kubectl for the bundle's Secrets itself, to show the server refuses them.
    stack = await startSnapshotStack(await write(mkdtempSync(join(tmpdir(), "bundle-"))), {
      probedOnPurpose: true,
    });
  });
  afterAll(async () => stack?.close());

  it("is taken at the moment its name records, and kubectl's ages count from it", async () => {
    expect(stack.snapshot.layout).toBe("support-bundle");
    expect(stack.snapshot.takenAt).toBe(bundleTakenAt);
    const pods = await kubectl("get", "pods", "-n", "orders");
    expect(pods).toMatch(/api-6d9f7c8b5-x2x9q\s+0\/1\s+CrashLoopBackOff\s+9 \(3m\d*s? ago\)\s+(89|90)m/);
  });

  it("serves custom resources through their CRD, with its printer columns", async () => {
    const certificates = await kubectl("get", "certificates.cert-manager.io", "-n", "orders");
    expect(certificates).toMatch(/NAME\s+SECRET\s+AGE/);
    expect(certificates).toMatch(/orders-tls\s+orders-tls\s+10h/);
    expect(await kubectl("get", "cert", "-n", "orders", "-o", "name")).toContain(
      "certificate.cert-manager.io/orders-internal",
    );
  });

  it("serves the previous container's log and the current one", async () => {
    expect(await kubectl("logs", "api-6d9f7c8b5-x2x9q", "-n", "orders", "--previous")).toContain(
      "panic: runtime error",
    );
    expect(await kubectl("logs", "api-6d9f7c8b5-x2x9q", "-n", "orders")).toBe("listening on :8080\n");
  });

  it("reports the cluster version the bundle recorded", async () => {
    const version = JSON.parse(await kubectl("version", "-o", "json"));
    expect(version.serverVersion.gitVersion).toBe("v1.29.3");
  });

  it("never serves the bundle's Secrets, and says it left them out", async () => {
    expect(stack.snapshot.objects.some((o) => o.kind === "Secret")).toBe(false);
    expect(stack.snapshot.remarks).toContain(
      "cluster-resources/secrets: not read (Secrets are never served)",
    );
    await expect(kubectl("get", "secrets", "-n", "orders")).rejects.toThrow(/forbidden/i);
  });

  it("diagnoses the crash loop with the previous log, and every answer says it is a snapshot", async () => {
    const answer = await stack.answers.answer(question("why is api crashing in namespace orders?"));
    const findings = answer.parts
      .filter((p): p is FindingsPart => p.type === "findings")
      .flatMap((p) => p.findings);
    expect(findings.map((f) => f.reason)).toContain("CrashLoopBackOff");
    expect(answer.notes).toContain("snapshot taken 2025-03-04 10:22 UTC");
  });
});
