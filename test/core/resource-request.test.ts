import { describe, expect, it } from "vitest";
import { apiPath } from "../../src/adapters/kubernetes/api-paths.js";
import { isCodedError } from "../../src/core/errors.js";
import { nameProblem, nameRuleFor } from "../../src/core/kube-names.js";
import type { ResourceType } from "../../src/core/ports.js";
import { resolveRequest } from "../../src/core/resource-request.js";
import { seededRandom } from "../../src/demo/seeded-random.js";
import { podType, secretType, widgetType } from "../fixtures/resource-types.js";

const configMaps: ResourceType = {
  ...podType,
  plural: "configmaps",
  kind: "ConfigMap",
  singular: "configmap",
};
const namespaces: ResourceType = { ...podType, plural: "namespaces", kind: "Namespace", namespaced: false };
const services: ResourceType = { ...podType, plural: "services", kind: "Service", singular: "service" };
const clusterRoles: ResourceType = {
  ...podType,
  plural: "clusterroles",
  kind: "ClusterRole",
  group: "rbac.authorization.k8s.io",
  namespaced: false,
};

function failure(run: () => unknown): { code: string; message: string } | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (!isCodedError(error)) throw error;
    return { code: error.code, message: error.message };
  }
}

/** The path as kube-apiserver reads it: percent-decoded first, then split (Go's net/url and RequestInfoFactory). */
function decodedSegments(path: string): string[] {
  return decodeURIComponent(path).split("/").slice(1);
}

describe("resolving a read into a request", () => {
  it.each([
    [
      "the red team's configmap read",
      configMaps,
      { namespace: "payments/secrets/payments-api-secrets", name: ".." },
    ],
    ["a namespace whose name holds a path", namespaces, { name: "other/secrets/other-creds" }],
    ["a namespace read of other's pods", namespaces, { name: "other/pods" }],
    ["a dot-dot namespace", podType, { namespace: ".." }],
    ["a dot name", podType, { namespace: "shop", name: "." }],
    ["an encoded slash", podType, { namespace: "shop", name: "a%2Fb" }],
    ["a control character", podType, { namespace: "shop", name: "web\u0000" }],
    ["an upper-case namespace", podType, { namespace: "Shop" }],
    ["a namespace over 63 characters", podType, { namespace: "a".repeat(64) }],
    ["a name over 253 characters", podType, { namespace: "shop", name: "a".repeat(254) }],
    ["a service name starting with a digit", services, { namespace: "shop", name: "1web" }],
    ["a custom resource dot-dot", widgetType, { namespace: "shop", name: ".." }],
    ["a custom resource slash", widgetType, { namespace: "shop", name: "a/b" }],
  ])("refuses %s with bad_request", (_, type, target) => {
    expect(failure(() => resolveRequest(type, target))).toMatchObject({ code: "bad_request" });
  });

  it("refuses Secrets in any group, whatever the name", () => {
    for (const type of [secretType, { ...secretType, group: "example.com" }])
      expect(failure(() => resolveRequest(type, { namespace: "shop", name: "db" }))).toMatchObject({
        code: "forbidden",
      });
  });

  it("accepts the names each kind really allows", () => {
    expect(resolveRequest(podType, { namespace: "kube-system", name: "coredns-7db6d8ff4d-x2k9p" }).verb).toBe(
      "get",
    );
    expect(resolveRequest(podType, { namespace: "shop", name: "web.v2" }).name).toBe("web.v2");
    expect(resolveRequest(clusterRoles, { name: "system:controller:job-controller" }).name).toContain(":");
    expect(resolveRequest(widgetType, { namespace: "shop", name: "Big_Widget" }).name).toBe("Big_Widget");
    expect(resolveRequest(namespaces, { name: "kube-system" }).namespace).toBeUndefined();
    expect(resolveRequest(namespaces, { namespace: "ignored", name: "shop" }).namespace).toBeUndefined();
  });

  it("builds paths kube-apiserver splits into exactly the checked segments, for any name that resolves", () => {
    const random = seededRandom(12);
    const alphabet = [
      "a",
      "b",
      "z",
      "0",
      "9",
      "-",
      ".",
      "/",
      "%",
      "2",
      "F",
      "E",
      "A",
      ":",
      "_",
      "\u0000",
      " ",
      "\\",
    ];
    const word = () =>
      Array.from(
        { length: 1 + Math.floor(random() * 6) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join("");
    let resolved = 0;
    for (let i = 0; i < 5_000; i++) {
      const type = [podType, configMaps, namespaces, services, widgetType, clusterRoles][i % 6];
      const target = { namespace: word(), name: word() };
      let request: ReturnType<typeof resolveRequest>;
      try {
        request = resolveRequest(type, target);
      } catch (error) {
        if (!isCodedError(error) || error.code !== "bad_request") throw error;
        continue;
      }
      resolved++;
      const segments = decodedSegments(apiPath({ kind: "resource", request }));
      const expected = [
        ...(type.group ? ["apis", type.group, type.version] : ["api", type.version]),
        ...(type.namespaced ? ["namespaces", target.namespace] : []),
        type.plural,
        target.name,
      ];
      expect(segments).toEqual(expected);
      expect(segments).not.toContain("..");
      expect(segments).not.toContain(".");
    }
    expect(resolved).toBeGreaterThan(100);
  });

  it("knows the rule of each kind", () => {
    expect(nameRuleFor({ group: "", plural: "namespaces" })).toBe("dns1123-label");
    expect(nameRuleFor({ group: "", plural: "services" })).toBe("dns1035-label");
    expect(nameRuleFor({ group: "", plural: "nodes" })).toBe("dns1123-subdomain");
    expect(nameRuleFor({ group: "apps", plural: "deployments" })).toBe("dns1123-subdomain");
    expect(nameRuleFor({ group: "rbac.authorization.k8s.io", plural: "roles" })).toBe("path-segment");
    expect(nameRuleFor({ group: "example.com", plural: "widgets" })).toBe("path-segment");
    expect(nameProblem(`${"a".repeat(63)}.${"b".repeat(63)}`, "dns1123-subdomain")).toBeUndefined();
    // Kubernetes limits a subdomain's length, not its labels'.
    expect(nameProblem("a".repeat(64), "dns1123-subdomain")).toBeUndefined();
    expect(nameProblem("a".repeat(254), "dns1123-subdomain")).toMatch(/253/);
    expect(nameProblem("a".repeat(64), "dns1123-label")).toMatch(/63/);
  });
});
