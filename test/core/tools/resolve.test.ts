import { describe, expect, it } from "vitest";
import { writeYaml } from "../../../src/adapters/format/yaml-writer.js";
import { CodedError } from "../../../src/core/errors.js";
import type { ToolContext } from "../../../src/core/tools/define-tool.js";
import { namespaceTarget } from "../../../src/core/tools/namespace-scope.js";
import { resolveKind } from "../../../src/core/tools/resolve-kind.js";
import { resolveName } from "../../../src/core/tools/resolve-name.js";
import { createFakeCluster } from "../../helpers/fake-cluster.js";

const cluster = createFakeCluster({ objects: [] });
const space = { what: "pod", where: " in kube-system" };

async function codeOf(promise: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof promise === "function" ? promise() : promise);
  } catch (error) {
    return error instanceof CodedError ? `${error.code}: ${error.message}` : `uncoded: ${String(error)}`;
  }
  return "no error";
}

describe("resolveName", () => {
  const names = [
    "coredns-7db6d8ff4d-x2k9p",
    "coredns-7db6d8ff4d-z8q4m",
    "kube-proxy-abcde",
    "etcd",
    "etcd-backup",
  ];

  it("prefers the exact name over longer names with the same prefix", () => {
    expect(resolveName("etcd", names, space)).toEqual({ name: "etcd" });
  });

  it("resolves a unique prefix and says which object it picked", () => {
    expect(resolveName("kube-proxy", names, space)).toEqual({
      name: "kube-proxy-abcde",
      note: "kube-proxy → kube-proxy-abcde",
    });
  });

  it("lists the candidates of an ambiguous prefix", async () => {
    const message = await codeOf(() => resolveName("coredns", names, space));
    expect(message).toBe(
      'ambiguous: "coredns" matches 2 pods in kube-system: coredns-7db6d8ff4d-x2k9p, coredns-7db6d8ff4d-z8q4m',
    );
  });

  it("says not found with close names", async () => {
    const message = await codeOf(() => resolveName("kube-prixy", names, space));
    expect(message).toMatch(
      /^not_found: No pod named "kube-prixy" in kube-system; close names: kube-proxy-abcde/,
    );
  });
});

describe("resolveKind", () => {
  it.each([
    ["pods", "pods"],
    ["po", "pods"],
    ["Pod", "pods"],
    ["POD", "pods"],
    ["deploy", "deployments"],
    ["deployment", "deployments"],
    ["deployments.apps", "deployments"],
    ["pvc", "persistentvolumeclaims"],
  ])("%s → %s", async (input, plural) => {
    expect((await resolveKind(cluster, input)).plural).toBe(plural);
  });

  it("refuses secrets before any request", async () => {
    expect(await codeOf(resolveKind(cluster, "secrets"))).toMatch(/^refused: K8Helper never reads Secrets/);
    expect(await codeOf(resolveKind(cluster, "Secret"))).toMatch(/^refused/);
    expect(cluster.calls).toEqual([]);
  });

  it("suggests close kinds for an unknown one", async () => {
    expect(await codeOf(resolveKind(cluster, "podz"))).toMatch(
      /^bad_request: Unknown kind "podz"; did you mean pods/,
    );
  });
});

describe("namespaceTarget", () => {
  const context = (namespaces?: string[]): ToolContext => ({
    cluster,
    scope: { namespaces },
    defaultNamespace: "default",
    redact: (text) => text,
    toYaml: writeYaml,
  });

  it("applies the default namespace to a namespaced kind", () => {
    expect(namespaceTarget(context(), { namespaced: true }, {})).toEqual({
      namespaces: ["default"],
      namespace: "default",
      allNamespaces: false,
    });
  });

  it("never namespaces a cluster-scoped kind", () => {
    expect(namespaceTarget(context(), { namespaced: false }, { namespace: "shop" })).toEqual({
      namespaces: [undefined],
      allNamespaces: false,
    });
  });

  it("reads every namespace in one request without a scope, only the allowed ones with a scope", () => {
    expect(namespaceTarget(context(), { namespaced: true }, { all_namespaces: true }).namespaces).toEqual([
      undefined,
    ]);
    expect(
      namespaceTarget(context(["shop", "default"]), { namespaced: true }, { all_namespaces: true })
        .namespaces,
    ).toEqual(["shop", "default"]);
  });

  it("refuses a namespace outside the scope", async () => {
    expect(
      await codeOf(() => namespaceTarget(context(["shop"]), { namespaced: true }, { namespace: "payments" })),
    ).toMatch(/^out_of_scope/);
  });
});
