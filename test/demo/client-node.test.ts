import {
  AppsV1Api,
  AuthorizationV1Api,
  CoreV1Api,
  KubeConfig,
  Metrics,
  type V1Pod,
} from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SimulatedCluster, startSimulatedCluster } from "../../src/demo/cluster-server.js";
import { plantedFaults, promptInjectionLine, promptInjectionLog } from "../../src/demo/sample-data.js";
import { rawRequest } from "./raw-request.js";

let cluster: SimulatedCluster;
let core: CoreV1Api;
let kc: KubeConfig;

beforeAll(async () => {
  // Probed on purpose: these tests show the simulator refusing writes and Secrets to clients other than K8Helper.
  cluster = await startSimulatedCluster({ seed: 1, probedOnPurpose: true });
  kc = new KubeConfig();
  kc.loadFromFile(cluster.kubeconfigPath);
  core = kc.makeApiClient(CoreV1Api);
});

afterAll(async () => {
  await cluster?.close();
});

function faultPod(reason: string): { namespace: string; name: string } {
  const fault = plantedFaults.find((f) => f.reason === reason && f.kind === "Pod")!;
  return { namespace: fault.namespace!, name: fault.name };
}

async function failure(promise: Promise<unknown>): Promise<{ code: number; body: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { code: number; body: unknown };
    return { code: e.code, body: typeof e.body === "string" ? e.body : JSON.stringify(e.body) };
  }
  throw new Error("expected the request to fail");
}

describe("the simulated cluster through the real @kubernetes/client-node", () => {
  it("lists pods everywhere, with every planted faulty pod among them", async () => {
    const pods = await core.listPodForAllNamespaces();
    const names = pods.items.map((p) => `${p.metadata?.namespace}/${p.metadata?.name}`);
    expect(pods.items.length).toBeGreaterThanOrEqual(35);
    for (const fault of plantedFaults.filter((f) => f.kind === "Pod")) {
      expect(names).toContain(`${fault.namespace}/${fault.name}`);
    }
    expect(new Set(names).size).toBe(names.length);
  });

  it("lists nodes, one NotReady and one under MemoryPressure", async () => {
    const nodes = await core.listNode();
    const ready = (name: string) =>
      nodes.items.find((n) => n.metadata?.name === name)?.status?.conditions?.find((c) => c.type === "Ready")
        ?.status;
    expect(nodes.items.map((n) => n.metadata?.name)).toEqual([
      "demo-control-plane",
      "demo-worker-1",
      "demo-worker-2",
      "demo-worker-3",
    ]);
    expect(ready("demo-worker-3")).toBe("Unknown");
    const pressure = nodes.items
      .find((n) => n.metadata?.name === "demo-worker-2")
      ?.status?.conditions?.find((c) => c.type === "MemoryPressure");
    expect(pressure?.status).toBe("True");
  });

  it("pages with limit=5: every pod exactly once, in order, with opaque continue tokens", async () => {
    const all = (await core.listPodForAllNamespaces()).items.map((p) => p.metadata?.uid);
    const seen: (string | undefined)[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await core.listPodForAllNamespaces({ limit: 5, _continue: token });
      expect(page.items.length).toBeLessThanOrEqual(5);
      seen.push(...page.items.map((p) => p.metadata?.uid));
      token = page.metadata?._continue;
      pages++;
    } while (token);
    expect(seen).toEqual(all);
    expect(pages).toBe(Math.ceil(all.length / 5));
  });

  it("pages a filtered list: the label selector applies across pages", async () => {
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = await core.listNamespacedPod({
        namespace: "shop",
        labelSelector: "tier=backend",
        limit: 2,
        _continue: token,
      });
      seen.push(...page.items.map((p) => p.metadata!.name!));
      token = page.metadata?._continue;
    } while (token);
    const unpaged = await core.listNamespacedPod({ namespace: "shop", labelSelector: "tier=backend" });
    expect(seen).toEqual(unpaged.items.map((p) => p.metadata!.name!));
    expect(seen.some((n) => n.startsWith("frontend"))).toBe(false);
    expect(seen.filter((n) => n.startsWith("checkout"))).toHaveLength(3);
  });

  it("answers an unreadable continue token with 400 invalid continue token, as kube-apiserver does", async () => {
    const { code, body } = await failure(
      core.listPodForAllNamespaces({ limit: 5, _continue: "not-a-token" }),
    );
    expect(code).toBe(400);
    expect(JSON.parse(body)).toMatchObject({ kind: "Status", reason: "BadRequest", code: 400 });
    expect(JSON.parse(body).message).toMatch(/^invalid continue token/);
  });

  it("forbids Secrets, as list and as get, with the real API server's message", async () => {
    const list = await failure(core.listNamespacedSecret({ namespace: "payments" }));
    expect(list.code).toBe(403);
    expect(JSON.parse(list.body).message).toBe(
      'secrets is forbidden: User "system:serviceaccount:k8helper:k8helper" cannot list resource "secrets" in API group "" in the namespace "payments"',
    );
    const get = await failure(
      core.readNamespacedSecret({ name: "payments-api-secrets", namespace: "payments" }),
    );
    expect(get.code).toBe(403);
    expect(JSON.parse(get.body).reason).toBe("Forbidden");
    const everywhere = await failure(core.listSecretForAllNamespaces());
    expect(JSON.parse(everywhere.body).message).toContain("at the cluster scope");
  });

  it("forbids writes: create and delete are 403 and change nothing", async () => {
    const pod: V1Pod = {
      metadata: { name: "intruder" },
      spec: { containers: [{ name: "x", image: "busybox" }] },
    };
    const create = await failure(core.createNamespacedPod({ namespace: "default", body: pod }));
    expect(create.code).toBe(403);
    expect(JSON.parse(create.body).message).toContain('cannot create resource "pods"');
    const { name, namespace } = faultPod("CrashLoopBackOff");
    const remove = await failure(core.deleteNamespacedPod({ name, namespace }));
    expect(remove.code).toBe(403);
    expect((await core.readNamespacedPod({ name, namespace })).metadata?.name).toBe(name);
    const scale = await failure(
      kc.makeApiClient(AppsV1Api).deleteNamespacedDeployment({ name: "checkout", namespace: "shop" }),
    );
    expect(scale.code).toBe(403);
  });

  it("answers 404 NotFound for a missing object and 401 without the token", async () => {
    const missing = await failure(core.readNamespacedPod({ name: "nope", namespace: "shop" }));
    expect(missing.code).toBe(404);
    expect(JSON.parse(missing.body).message).toBe('pods "nope" not found');
    const anonymous = await rawRequest(cluster.kubeconfigPath, "/api/v1/pods", { token: null });
    expect(anonymous.status).toBe(401);
    const wrong = await rawRequest(cluster.kubeconfigPath, "/api/v1/pods", { token: "guess" });
    expect(wrong.json()).toMatchObject({ kind: "Status", code: 401, reason: "Unauthorized" });
  });

  it("reads logs: previous ends in a stack trace, tailLines cuts, sinceSeconds filters", async () => {
    const { name, namespace } = faultPod("CrashLoopBackOff");
    const previous = await core.readNamespacedPodLog({ name, namespace, previous: true });
    const lines = previous.trimEnd().split("\n");
    expect(lines.some((l) => l.startsWith("TypeError:"))).toBe(true);
    expect(lines.filter((l) => /^\s+at /.test(l)).length).toBeGreaterThanOrEqual(3);
    const tail = await core.readNamespacedPodLog({ name, namespace, tailLines: 3 });
    expect(tail.trimEnd().split("\n")).toEqual(lines.slice(-3));
    const recent = await core.readNamespacedPodLog({ name, namespace, previous: true, sinceSeconds: 60 });
    expect(recent).toBe("");
  });

  it("serves the planted prompt-injection line in the log it names", async () => {
    const { name, namespace, container } = promptInjectionLog;
    const log = await core.readNamespacedPodLog({ name, namespace, container });
    expect(log.split("\n")).toContain(promptInjectionLine);
  });

  it("asks for a container on a multi-container pod, like the real server", async () => {
    const pods = await core.listNamespacedPod({ namespace: "shop", labelSelector: "app=frontend" });
    const name = pods.items[0].metadata!.name!;
    const error = await failure(core.readNamespacedPodLog({ name, namespace: "shop" }));
    expect(error.code).toBe(400);
    expect(JSON.parse(error.body).message).toBe(
      `a container name must be specified for pod ${name}, choose one of: [frontend envoy]`,
    );
    const log = await core.readNamespacedPodLog({ name, namespace: "shop", container: "envoy" });
    expect(log).toContain("all clusters initialized");
    const noPrevious = await failure(
      core.readNamespacedPodLog({ name, namespace: "shop", container: "envoy", previous: true }),
    );
    expect(noPrevious.code).toBe(400);
  });

  it("filters by field selector: phase, node, event's object, and rejects unknown fields", async () => {
    const pending = await core.listPodForAllNamespaces({ fieldSelector: "status.phase=Pending" });
    expect(pending.items.map((p) => p.metadata?.name).sort()).toEqual(
      [faultPod("ImagePullBackOff").name, faultPod("Unschedulable").name].sort(),
    );
    const notRunning = await core.listPodForAllNamespaces({
      fieldSelector: "status.phase!=Running,metadata.namespace==batch",
    });
    expect(
      notRunning.items.every((p) => p.metadata?.namespace === "batch" && p.status?.phase !== "Running"),
    ).toBe(true);
    expect(notRunning.items.length).toBe(3);
    const onLostNode = await core.listPodForAllNamespaces({ fieldSelector: "spec.nodeName=demo-worker-3" });
    expect(onLostNode.items.map((p) => p.metadata?.labels?.["k8s-app"]).sort()).toEqual([
      "kube-proxy",
      "node-exporter",
    ]);
    const { name, namespace } = faultPod("ReadinessProbeFailed");
    const events = await core.listNamespacedEvent({
      namespace,
      fieldSelector: `involvedObject.name=${name},type=Warning`,
    });
    expect(events.items.map((e) => e.reason)).toEqual(["Unhealthy"]);
    const bad = await failure(core.listPodForAllNamespaces({ fieldSelector: "spec.bogus=1" }));
    expect(bad.code).toBe(400);
    expect(JSON.parse(bad.body).message).toBe("field label not supported: spec.bogus");
  });

  it("filters by label selector: =, !=, in, notin, exists, !key", async () => {
    const names = async (labelSelector: string) =>
      (await core.listNamespacedPod({ namespace: "shop", labelSelector })).items.map(
        (p) => p.metadata!.labels!.app,
      );
    expect(new Set(await names("app in (cart,catalog)"))).toEqual(new Set(["cart", "catalog"]));
    expect(await names("app notin (cart,catalog,checkout,frontend)")).toEqual(["recommendation"]);
    expect(new Set(await names("tier!=backend"))).toEqual(new Set(["frontend"]));
    expect((await names("pod-template-hash")).length).toBe(9);
    expect(await names("!app")).toEqual([]);
    expect(new Set(await names("app==checkout,tier=backend"))).toEqual(new Set(["checkout"]));
  });

  it("serves metrics.k8s.io for nodes and pods", async () => {
    const metrics = new Metrics(kc);
    const nodes = await metrics.getNodeMetrics();
    expect(nodes.items.map((n) => n.metadata.name)).not.toContain("demo-worker-3");
    expect(nodes.items.length).toBe(3);
    const pods = await metrics.getPodMetrics("shop");
    expect(pods.items.length).toBeGreaterThan(5);
    expect(pods.items[0].containers[0].usage.cpu).toMatch(/^\d+n$/);
  });

  it("answers self-subject reviews from the rules file", async () => {
    const authz = kc.makeApiClient(AuthorizationV1Api);
    const ask = async (verb: string, resource: string, group = "") =>
      (
        await authz.createSelfSubjectAccessReview({
          body: { spec: { resourceAttributes: { verb, resource, group, namespace: "shop" } } },
        })
      ).status?.allowed;
    expect(await ask("list", "pods")).toBe(true);
    expect(await ask("get", "secrets")).toBe(false);
    expect(await ask("delete", "pods")).toBe(false);
    expect(await ask("list", "widgets", "example.com")).toBe(true);
    const rules = await authz.createSelfSubjectRulesReview({ body: { spec: { namespace: "shop" } } });
    const resources = rules.status?.resourceRules.flatMap((r) => r.resources ?? []);
    expect(resources).toContain("pods/log");
    expect(resources).not.toContain("secrets");
  });

  it("records every request, and reads are all GETs", async () => {
    const before = cluster.requests.length;
    await core.listNamespace();
    const recorded = cluster.requests.slice(before);
    expect(recorded).toEqual([
      {
        method: "GET",
        path: "/api/v1/namespaces",
        query: {},
        status: 200,
        user: "system:serviceaccount:k8helper:k8helper",
      },
    ]);
    const writes = cluster.requests.filter((r) => r.method !== "GET");
    expect(writes.every((r) => r.status === 403 || r.path.startsWith("/apis/authorization.k8s.io/"))).toBe(
      true,
    );
  });

  it("injects faults: forced status, then back to normal after clear()", async () => {
    cluster.faults.set({ status: 500, pathPattern: /\/nodes/ });
    expect((await failure(core.listNode())).code).toBe(500);
    expect((await core.listNamespace()).items.length).toBeGreaterThan(5);
    cluster.faults.set({ latencyMs: 50, pathPattern: /\/namespaces$/ });
    expect((await core.listNamespace()).items.length).toBeGreaterThan(5);
    cluster.faults.set({ dropConnection: true });
    await expect(core.listNode()).rejects.toThrow();
    cluster.faults.clear();
    expect((await core.listNode()).items.length).toBe(4);
  });
});
