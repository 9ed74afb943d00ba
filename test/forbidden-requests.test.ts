import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { forbiddenRequestReason } from "../src/demo/request-audit.js";

const run = promisify(execFile);

describe("the suite-wide audit of what the simulated cluster received", () => {
  it.each([
    ["GET", "/api/v1/namespaces/shop/secrets/checkout-db", "touches secrets"],
    ["GET", "/api/v1/secrets", "touches secrets"],
    ["DELETE", "/api/v1/namespaces/shop/pods/web", "DELETE is not a read"],
    ["PATCH", "/apis/apps/v1/namespaces/shop/deployments/checkout", "PATCH is not a read"],
    ["POST", "/api/v1/namespaces/shop/pods", "POST is not a read"],
    ["POST", "/apis/authorization.k8s.io/v1/subjectaccessreviews", "POST is not a read"],
  ])("reports %s %s", (method, path, reason) => {
    expect(forbiddenRequestReason(method, path)).toBe(reason);
  });

  it.each([
    ["GET", "/api/v1/namespaces/shop/pods"],
    ["GET", "/api/v1/namespaces/sealed-secrets/pods"],
    ["POST", "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews"],
    ["POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews"],
  ])("lets %s %s through", (method, path) => {
    expect(forbiddenRequestReason(method, path)).toBeUndefined();
  });

  it.each(["write", "secret"])(
    "fails a vitest run whose tests all pass when a simulated cluster received a %s",
    async (kind) => {
      const outcome = await run(
        "npx",
        ["vitest", "run", "--config", "test/fixtures/forbidden-audit/vitest.config.ts"],
        {
          env: { ...process.env, FORBIDDEN_KIND: kind, K8HELPER_SIMULATOR_AUDIT_DIR: "" },
        },
      ).then(
        (done) => ({ code: 0, output: done.stdout + done.stderr }),
        (error: { code: number; stdout: string; stderr: string }) => ({
          code: error.code,
          output: error.stdout + error.stderr,
        }),
      );
      expect(outcome.output).toMatch(/1 passed/);
      expect(outcome.output).toMatch(/received 1 request\(s\) K8Helper must never send/);
      expect(outcome.code).not.toBe(0);
    },
    180_000,
  );
});
