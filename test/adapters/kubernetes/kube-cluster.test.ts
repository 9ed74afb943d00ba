import { writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClusterSet } from "../../../src/adapters/kubernetes/cluster-set.js";
import { podType, secretType } from "../../fixtures/resource-types.js";
import { codedFailure } from "../../helpers/coded-failure.js";
import { freePort } from "../../helpers/free-port.js";

/** A tiny API server speaking the wire format (Status errors, Table pages); the simulated cluster covers the rest. */
const PODS = Array.from({ length: 1234 }, (_, index) => `pod-${String(index).padStart(4, "0")}`);
const requests: { path: string; accept?: string; authorization?: string }[] = [];
let server: Server;
let base: string;
let kubeconfig: string;
let closed: string;

function status(response: ServerResponse, code: number, message: string): void {
  response.writeHead(code, { "content-type": "application/json" });
  response.end(JSON.stringify({ kind: "Status", apiVersion: "v1", status: "Failure", message, code }));
}

function answer(request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? "/", "http://x");
  requests.push({
    path: url.pathname,
    accept: request.headers.accept,
    authorization: request.headers.authorization,
  });
  if (url.pathname === "/api/v1/namespaces/big/pods") {
    const start = Number(url.searchParams.get("continue") ?? 0);
    const limit = Number(url.searchParams.get("limit"));
    const page = PODS.slice(start, start + limit);
    const next = start + limit < PODS.length ? String(start + limit) : undefined;
    response.writeHead(200, { "content-type": "application/json" });
    response.end(
      JSON.stringify({
        kind: "Table",
        apiVersion: "meta.k8s.io/v1",
        metadata: { continue: next },
        columnDefinitions: [
          { name: "Name", type: "string", priority: 0 },
          { name: "Node", type: "string", priority: 1 },
        ],
        rows: page.map((name) => ({
          cells: [name, "node-a"],
          object: { metadata: { name, namespace: "big" } },
        })),
      }),
    );
    return;
  }
  if (url.pathname === "/api/v1/namespaces/payments/pods") {
    status(response, 403, 'pods is forbidden: User "k8helper" cannot list resource "pods"');
    return;
  }
  if (url.pathname === "/api/v1/namespaces/shop/pods/missing") {
    status(response, 404, 'pods "missing" not found');
    return;
  }
  if (url.pathname === "/api/v1/namespaces/broken/pods") {
    status(response, 500, "etcd is unhappy");
    return;
  }
  if (url.pathname === "/api/v1/namespaces/expired/pods") {
    status(response, 410, "The provided continue parameter is too old");
    return;
  }
  if (url.pathname === "/api/v1/namespaces/slow/pods") return; // never answers
  const legacyDiscovery: Record<string, unknown> = {
    "/api": { kind: "APIVersions", versions: ["v1"] },
    "/apis": {
      kind: "APIGroupList",
      groups: [{ name: "apps", versions: [{ groupVersion: "apps/v1", version: "v1" }] }],
    },
    "/api/v1": {
      groupVersion: "v1",
      resources: [
        { name: "pods", namespaced: true, kind: "Pod", verbs: ["get", "list"] },
        { name: "pods/log", namespaced: true, kind: "Pod", verbs: ["get"] },
      ],
    },
    "/apis/apps/v1": {
      groupVersion: "apps/v1",
      resources: [{ name: "deployments", namespaced: true, kind: "Deployment", verbs: ["list"] }],
    },
  };
  if (legacyDiscovery[url.pathname]) {
    // A server without aggregated discovery ignores the Accept and answers with the legacy document.
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify(legacyDiscovery[url.pathname]));
    return;
  }
  status(response, 404, "not found");
}

beforeAll(async () => {
  server = createServer(answer);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  closed = `http://127.0.0.1:${await freePort()}`;
  kubeconfig = join(tmpdir(), `k8helper-adapter-${process.pid}.yaml`);
  writeFileSync(
    kubeconfig,
    `apiVersion: v1
kind: Config
clusters:
- name: local
  cluster: {server: "${base}", insecure-skip-tls-verify: true}
- name: nowhere
  cluster: {server: "${closed}", insecure-skip-tls-verify: true}
- name: plain
  cluster: {server: "${base}"}
users:
- name: reader
  user: {token: test-token}
contexts:
- name: local
  context: {cluster: local, user: reader}
- name: nowhere
  context: {cluster: nowhere, user: reader}
- name: plain
  context: {cluster: plain, user: reader}
current-context: local
`,
  );
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe("the Kubernetes adapter", () => {
  it("names one cluster per kubeconfig context and defaults to the current one", () => {
    const set = createClusterSet({ kubeconfig, requestTimeoutMs: 2000 });
    expect(set.names()).toEqual(["local", "nowhere", "plain"]);
    expect(set.defaultName).toBe("local");
    expect(createClusterSet({ kubeconfig, context: "nowhere", requestTimeoutMs: 2000 }).defaultName).toBe(
      "nowhere",
    );
    expect(() => createClusterSet({ kubeconfig, context: "prod", requestTimeoutMs: 2000 })).toThrow(
      /Context "prod" is not in the kubeconfig; its contexts: local, nowhere, plain/,
    );
    expect(() => set.get("prod")).toThrow(/Unknown cluster "prod"/);
  });

  it("pages a Table list with limit 500 and returns every row exactly once, with the kubeconfig's token", async () => {
    requests.length = 0;
    const table = await createClusterSet({ kubeconfig, requestTimeoutMs: 2000 })
      .get()
      .listTable(podType, { namespace: "big" });
    expect(table.rows.map((row) => row.name)).toEqual(PODS);
    expect(table.columns.map((column) => column.name)).toEqual(["Name", "Node"]);
    expect(requests).toHaveLength(3);
    expect(requests[0]).toMatchObject({
      accept:
        "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json",
      authorization: "Bearer test-token",
    });
  });

  it.each([
    ["payments", "forbidden", "K8Helper's ServiceAccount may not list pods in payments"],
    ["broken", "server_error", `answered 500: etcd is unhappy`],
    ["expired", "gone", "continue token expired"],
  ])("maps a failure in %s to %s", async (namespace, code, message) => {
    const error = await codedFailure(
      createClusterSet({ kubeconfig, requestTimeoutMs: 2000 }).get().listTable(podType, { namespace }),
    );
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
    expect(error.stack ?? "").not.toContain(error.message.repeat(2));
  });

  it("falls back to legacy discovery when the server offers no aggregated list, reusing its /apis answer", async () => {
    const cluster = createClusterSet({ kubeconfig, requestTimeoutMs: 2000 }).get("local");
    requests.length = 0;
    const types = await cluster.resourceTypes();
    expect(types.map((type) => `${type.group}/${type.version}/${type.plural}`)).toEqual([
      "/v1/pods",
      "apps/v1/deployments",
    ]);
    expect(requests.map((request) => request.path).sort()).toEqual([
      "/api",
      "/api/v1",
      "/apis",
      "/apis/apps/v1",
    ]);
    expect(requests.find((request) => request.path === "/apis")?.accept).toContain(
      "as=APIGroupDiscoveryList",
    );
  });

  it("says not found for a missing object", async () => {
    const error = await codedFailure(
      createClusterSet({ kubeconfig, requestTimeoutMs: 2000 }).get().get(podType, "missing", "shop"),
    );
    expect(error).toMatchObject({ code: "not_found", message: 'No pods "missing" in shop' });
  });

  it("says the API is unreachable when the connection is refused", async () => {
    const error = await codedFailure(
      createClusterSet({ kubeconfig, requestTimeoutMs: 2000 }).get("nowhere").version(),
    );
    expect(error).toMatchObject({
      code: "unreachable",
      message: `Cannot reach the Kubernetes API at ${closed}: connection refused`,
    });
  });

  it("explains why client-node refuses plain HTTP without insecure-skip-tls-verify", async () => {
    const error = await codedFailure(
      createClusterSet({ kubeconfig, requestTimeoutMs: 2000 }).get("plain").version(),
    );
    expect(error).toMatchObject({
      code: "config",
      message: `The kubeconfig points at ${base} over plain HTTP, which needs insecure-skip-tls-verify: true`,
    });
  });

  it("gives up after the request timeout", async () => {
    const error = await codedFailure(
      createClusterSet({ kubeconfig, requestTimeoutMs: 300 }).get().listTable(podType, { namespace: "slow" }),
    );
    expect(error).toMatchObject({
      code: "timeout",
      message: `The Kubernetes API at ${base} did not answer within 300 ms`,
    });
  });

  it("refuses Secrets itself, before sending anything", async () => {
    requests.length = 0;
    const cluster = createClusterSet({ kubeconfig, requestTimeoutMs: 2000 }).get();
    for (const attempt of [
      () => cluster.list(secretType, { namespace: "payments" }),
      () => cluster.get(secretType, "db", "payments"),
      () => cluster.listTable(secretType, {}),
    ]) {
      expect(await codedFailure(attempt())).toMatchObject({
        code: "forbidden",
        message: "K8Helper never reads Secrets",
      });
    }
    expect(requests).toEqual([]);
  });

  it("reports a missing kubeconfig as a configuration error", () => {
    expect(() => createClusterSet({ kubeconfig: "/nonexistent/kubeconfig", requestTimeoutMs: 1000 })).toThrow(
      /Cannot read the kubeconfig \/nonexistent\/kubeconfig/,
    );
  });
});
