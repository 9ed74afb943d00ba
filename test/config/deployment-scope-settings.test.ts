import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";

const noDotenv = "/nonexistent/.env";
const load = (env: Record<string, string>) => loadConfig({ env, dotenvPath: noDotenv });

describe("K8HELPER_SCOPE_NAMESPACES and K8HELPER_MAX_ANSWER_BYTES", () => {
  it("default to every namespace and 256 KiB", () => {
    const config = load({});
    expect(config.kube.scopeNamespaces).toBeUndefined();
    expect(config.limits.maxAnswerBytes).toBe(256 * 1024);
  });

  it("read a comma list of namespace names", () => {
    expect(load({ K8HELPER_SCOPE_NAMESPACES: "shop, payments ," }).kube.scopeNamespaces).toEqual([
      "shop",
      "payments",
    ]);
  });

  it.each([
    [
      { K8HELPER_SCOPE_NAMESPACES: "shop,Pay/ments" },
      /K8HELPER_SCOPE_NAMESPACES.1: must list Kubernetes namespace names/,
    ],
    [{ K8HELPER_SCOPE_NAMESPACES: " , " }, /K8HELPER_SCOPE_NAMESPACES: must list at least one namespace/],
    [
      { K8HELPER_SCOPE_NAMESPACES: "shop", K8HELPER_DEFAULT_NAMESPACE: "default" },
      /K8HELPER_DEFAULT_NAMESPACE must be one of K8HELPER_SCOPE_NAMESPACES/,
    ],
    [{ K8HELPER_MAX_ANSWER_BYTES: "10" }, /K8HELPER_MAX_ANSWER_BYTES/],
  ])("rejects %j", (env, message) => {
    expect(() => load(env)).toThrow(message);
  });
});
