import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  defaultRbacRulesFile,
  type SimulatedCluster,
  startSimulatedCluster,
} from "../../src/demo/cluster-server.js";
import { allowsNonResource, allowsResource, forbiddenResource, loadRbacRules } from "../../src/demo/rbac.js";
import { rawRequest } from "./raw-request.js";

const rules = loadRbacRules(defaultRbacRulesFile());
const allowed = (verb: string, resource: string, group = "", subresource?: string) =>
  allowsResource(rules, { verb, group, resource, subresource, namespace: "shop" });

describe("the read-only rules file", () => {
  it.each([
    ["get", "pods", ""],
    ["list", "pods", ""],
    ["list", "deployments", "apps"],
    ["list", "cronjobs", "batch"],
    ["list", "ingresses", "networking.k8s.io"],
    ["list", "horizontalpodautoscalers", "autoscaling"],
    ["list", "poddisruptionbudgets", "policy"],
    ["list", "storageclasses", "storage.k8s.io"],
    ["list", "customresourcedefinitions", "apiextensions.k8s.io"],
    ["list", "nodes", "metrics.k8s.io"],
    ["list", "events", "events.k8s.io"],
  ])("grants %s %s in group '%s'", (verb, resource, group) => {
    expect(allowed(verb, resource, group)).toBe(true);
  });

  it.each([
    ["get", "secrets", ""],
    ["list", "secrets", ""],
    ["create", "pods", ""],
    ["delete", "pods", ""],
    ["patch", "deployments", "apps"],
    ["update", "configmaps", ""],
    ["deletecollection", "pods", ""],
    ["get", "clusterroles", "rbac.authorization.k8s.io"],
    ["list", "widgets", "example.com"],
  ])("refuses %s %s in group '%s'", (verb, resource, group) => {
    expect(allowed(verb, resource, group)).toBe(false);
  });

  it("grants pods/log but not pods/exec or pods/portforward", () => {
    expect(allowed("get", "pods", "", "log")).toBe(true);
    expect(allowed("create", "pods", "", "exec")).toBe(false);
    expect(allowed("get", "pods", "", "exec")).toBe(false);
    expect(allowed("create", "pods", "", "portforward")).toBe(false);
  });

  it("grants discovery paths with get only", () => {
    expect(allowsNonResource(rules, "/apis/apps/v1", "get")).toBe(true);
    expect(allowsNonResource(rules, "/version", "get")).toBe(true);
    expect(allowsNonResource(rules, "/apis", "post")).toBe(false);
    expect(allowsNonResource(rules, "/metrics", "get")).toBe(false);
  });

  it("words a refusal as the real API server does", () => {
    expect(
      forbiddenResource("u", {
        verb: "get",
        group: "apps",
        resource: "deployments",
        name: "web",
        namespace: "shop",
      }).message,
    ).toBe(
      'deployments.apps "web" is forbidden: User "u" cannot get resource "deployments" in API group "apps" in the namespace "shop"',
    );
    expect(forbiddenResource("u", { verb: "list", group: "", resource: "nodes" }).message).toBe(
      'nodes is forbidden: User "u" cannot list resource "nodes" in API group "" at the cluster scope',
    );
  });
});

describe("a simulated cluster with broader rules", () => {
  let cluster: SimulatedCluster;

  beforeAll(async () => {
    const file = join(mkdtempSync(join(tmpdir(), "rules-")), "rules.yaml");
    writeFileSync(
      file,
      [
        "- apiGroups: ['']",
        "  resources: [pods, configmaps]",
        "  verbs: [get, list, watch, create, delete]",
        "- nonResourceURLs: ['/api', '/api/*']",
        "  verbs: [get]",
      ].join("\n"),
    );
    // Probed on purpose: these tests show the simulator refusing writes and Secrets to clients other than K8Helper.
    cluster = await startSimulatedCluster({ rbacRulesFile: file, extraReadRules: [], probedOnPurpose: true });
  });

  afterAll(async () => {
    await cluster?.close();
  });

  it("answers watch=true with the current list as ADDED events", async () => {
    const watch = await rawRequest(cluster.kubeconfigPath, "/api/v1/namespaces/data/pods?watch=true");
    const events = watch.text
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(events.map((e) => [e.type, e.object.metadata.name])).toEqual([
      ["ADDED", "postgres-0"],
      ["ADDED", "redis-0"],
    ]);
  });

  it("stays read-only when the rules allow a write: 405, and nothing changes", async () => {
    const body = JSON.stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "x" } });
    const create = await rawRequest(cluster.kubeconfigPath, "/api/v1/namespaces/shop/configmaps", {
      method: "POST",
      body,
    });
    expect(create.status).toBe(405);
    expect(create.json()).toMatchObject({ kind: "Status", reason: "MethodNotAllowed" });
    const remove = await rawRequest(cluster.kubeconfigPath, "/api/v1/namespaces/data/pods/postgres-0", {
      method: "DELETE",
    });
    expect(remove.status).toBe(405);
    expect((await rawRequest(cluster.kubeconfigPath, "/api/v1/namespaces/data/pods/postgres-0")).status).toBe(
      200,
    );
  });

  it("enforces the file it was given: nodes and /apis are now forbidden", async () => {
    expect((await rawRequest(cluster.kubeconfigPath, "/api/v1/nodes")).status).toBe(403);
    const apis = await rawRequest(cluster.kubeconfigPath, "/apis");
    expect(apis.json().message).toBe(
      'forbidden: User "system:serviceaccount:k8helper:k8helper" cannot get path "/apis"',
    );
  });
});
