import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClusterSet } from "../../src/adapters/kubernetes/cluster-set.js";
import type { ResourceType } from "../../src/core/ports.js";
import { type SimulatedCluster, startSimulatedCluster } from "../../src/demo/cluster-server.js";
import { decodeRequestPath } from "../../src/demo/request-path.js";
import { podType } from "../fixtures/resource-types.js";
import { codedFailure } from "../helpers/coded-failure.js";
import { rawRequest } from "./raw-request.js";

/** What an admin kubeconfig (`k8helper ask`, `run`, `mcp` on a laptop) may do: read Secrets. */
const SECRET_READER = [{ apiGroups: [""], resources: ["secrets"], verbs: ["get", "list"] }];

const configMaps: ResourceType = {
  ...podType,
  plural: "configmaps",
  singular: "configmap",
  kind: "ConfigMap",
};
const namespaces: ResourceType = {
  ...podType,
  plural: "namespaces",
  singular: "namespace",
  kind: "Namespace",
  namespaced: false,
};

/** The path builder K8Helper had before: each part encoded, nothing validated, Secrets refused by a regex on the string. */
function oldResourcePath(type: ResourceType, namespace?: string, name?: string): string {
  const scope = type.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : "";
  const object = name ? `/${encodeURIComponent(name)}` : "";
  return `/api/v1${scope}/${type.plural}${object}`;
}
const OLD_SECRETS_PATH = /^\/(?:api\/v1|apis\/[^/]+\/[^/]+)(?:\/namespaces\/[^/]+)?\/secrets(?:\/|$)/;

describe("the simulated cluster reads paths as kube-apiserver does", () => {
  it.each([
    ["/api/v1/namespaces/shop%2Fsecrets%2Fcheckout-db/", "/api/v1/namespaces/shop/secrets/checkout-db"],
    ["/api/v1/namespaces/shop/configmaps/../pods", "/api/v1/namespaces/shop/pods"],
    ["/api/v1/namespaces/shop/pods/%2E%2E/services", "/api/v1/namespaces/shop/services"],
    ["/api/v1//namespaces/./shop/pods?limit=5", "/api/v1/namespaces/shop/pods"],
    ["/api/v1/namespaces/web%20app/pods", "/api/v1/namespaces/web app/pods"],
  ])("routes %s as %s", (raw, routed) => {
    expect(decodeRequestPath(raw)).toBe(routed);
  });

  it("refuses a malformed escape with 400", () => {
    expect(() => decodeRequestPath("/api/v1/namespaces/%zz/pods")).toThrow(/invalid URL escape/);
  });
});

describe("a Secret behind an encoded path", () => {
  let probed: SimulatedCluster;
  let guarded: SimulatedCluster;
  beforeAll(async () => {
    // This one is sent the old builder's paths on purpose, to show what a real server does with them.
    probed = await startSimulatedCluster({ extraReadRules: SECRET_READER, probedOnPurpose: true });
    guarded = await startSimulatedCluster({ extraReadRules: SECRET_READER });
  });
  afterAll(async () => {
    await probed.close();
    await guarded.close();
  });

  it.each([
    [
      "a configmap read with a path for a namespace and '..' for a name",
      configMaps,
      "shop/secrets/checkout-db",
      "..",
    ],
    ["a namespace read whose name is a path", namespaces, undefined, "shop/secrets/checkout-db"],
  ])("was served by a real server from the old path builder: %s", async (_, type, namespace, name) => {
    const path = oldResourcePath(type, namespace, name);
    expect(OLD_SECRETS_PATH.test(path)).toBe(false);
    const response = await rawRequest(probed.kubeconfigPath, path);
    expect(response.status).toBe(200);
    expect(response.json()).toMatchObject({
      kind: "Secret",
      metadata: { name: "checkout-db", namespace: "shop" },
    });
  });

  it.each([
    ["a configmap read with a path for a namespace", configMaps, "shop/secrets/checkout-db", ".."],
    ["a namespace read whose name is a path", namespaces, undefined, "shop/secrets/checkout-db"],
    ["a namespace read of other pods", namespaces, undefined, "shop/pods"],
    ["a pod list in '..'", podType, "..", undefined],
    ["a pod named '.'", podType, "shop", "."],
  ])("is refused by the adapter before anything is sent: %s", async (_, type, namespace, name) => {
    guarded.requests.length = 0;
    const cluster = createClusterSet({ kubeconfig: guarded.kubeconfigPath, requestTimeoutMs: 5_000 }).get();
    const read = name === undefined ? cluster.list(type, { namespace }) : cluster.get(type, name, namespace);
    expect(await codedFailure(read)).toMatchObject({ code: "bad_request" });
    expect(guarded.requests).toEqual([]);
  });
});
