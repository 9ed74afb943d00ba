import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FindingsPart } from "../../../src/core/answer.js";
import type { KubeObject } from "../../../src/core/ports.js";
import { alertTargets } from "../../../src/frontends/alerts/alert-objects.js";
import type { Alert } from "../../../src/frontends/alerts/alert-payload.js";
import { investigateAlert } from "../../../src/frontends/alerts/investigate.js";
import { startTestStack, type TestStack } from "../../helpers/answer-service.js";

let stack: TestStack;
let pods: KubeObject[];

beforeAll(async () => {
  stack = await startTestStack();
  const cluster = stack.container.clusters.get();
  const podType = (await cluster.resourceTypes()).find((t) => t.plural === "pods" && t.group === "")!;
  pods = await cluster.list(podType, {});
});
afterAll(async () => stack?.close());

const alert = (labels: Record<string, string>): Alert => ({
  status: "firing",
  labels: { severity: "warning", ...labels },
  annotations: {},
  startsAt: new Date(Date.now() - 10 * 60_000).toISOString(),
  fingerprint: Math.random().toString(16).slice(2, 18),
});

/** A pod of the demo whose name starts with the prefix, in its namespace (names carry generated suffixes). */
function pod(namespace: string, prefix: string): string {
  const found = pods.find((p) => p.metadata.namespace === namespace && p.metadata.name.startsWith(prefix));
  if (!found) throw new Error(`no pod ${prefix}* in ${namespace}`);
  return found.metadata.name;
}

// kube-prometheus alerts with the labels its rules put on them, and what they name on the demo cluster.
const cases: [string, () => Record<string, string>, string][] = [
  [
    "KubePodCrashLooping",
    () => ({
      namespace: "shop",
      pod: pod("shop", "checkout-"),
      container: "checkout",
      job: "kube-state-metrics",
    }),
    "pods",
  ],
  ["KubePodNotReady", () => ({ namespace: "shop", pod: pod("shop", "catalog-") }), "pods"],
  [
    "KubeContainerWaiting",
    () => ({ namespace: "shop", pod: pod("shop", "catalog-"), container: "catalog" }),
    "pods",
  ],
  ["KubeDeploymentReplicasMismatch", () => ({ namespace: "shop", deployment: "catalog" }), "deployments"],
  ["KubeDeploymentRolloutStuck", () => ({ namespace: "shop", deployment: "recommendation" }), "deployments"],
  ["KubeDaemonSetRolloutStuck", () => ({ namespace: "kube-system", daemonset: "kube-proxy" }), "daemonsets"],
  ["KubeNodeNotReady", () => ({ node: "demo-worker-3", job: "kube-state-metrics" }), "nodes"],
  ["KubeNodeUnreachable", () => ({ node: "demo-worker-3" }), "nodes"],
  [
    "CPUThrottlingHigh",
    () => ({ namespace: "shop", pod: pod("shop", "checkout-"), container: "checkout" }),
    "pods",
  ],
  [
    "KubeQuotaExceeded",
    () => ({ namespace: "warehouse", resourcequota: "compute", resource: "requests.memory" }),
    "namespaces",
  ],
  ["TargetDown", () => ({ namespace: "shop", job: "cart", service: "cart" }), "services"],
  ["KubeJobFailed", () => ({ namespace: "batch", job_name: "db-migrate" }), "jobs"],
  [
    "KubeStatefulSetReplicasMismatch",
    () => ({ namespace: "warehouse", statefulset: "inventory-db", job: "kube-state-metrics" }),
    "statefulsets",
  ],
  [
    "KubePersistentVolumeFillingUp",
    () => ({ namespace: "data", persistentvolumeclaim: "data-postgres-0", job: "kubelet" }),
    "persistentvolumeclaims",
  ],
  [
    "KubeHpaMaxedOut",
    () => ({ namespace: "warehouse", horizontalpodautoscaler: "picker" }),
    "horizontalpodautoscalers",
  ],
];

describe("kube-prometheus alerts map to the objects their labels name", () => {
  it.each(cases)("%s", async (alertname, labels, kind) => {
    const fired = alert({ alertname, ...labels() });
    const targets = alertTargets(fired);
    expect(targets[0]?.kind).toBe(kind);
    const investigation = await investigateAlert(stack.answers, fired, {
      scope: {},
      requestId: "t",
      now: Date.now(),
    });
    expect(investigation.skipped).toBeUndefined();
    const answer = investigation.answer!;
    expect(answer.calls.length).toBeGreaterThanOrEqual(2);
    // Every read succeeds (the objects exist, and one that changed nothing lately is no failure), but the
    // log of a container that never started, which is data in the answer.
    const failed = answer.calls.filter((c) => !c.ok && !/waiting to start/.test(c.error?.message ?? ""));
    expect(failed.map((c) => `${c.tool}: ${c.error?.message}`)).toEqual([]);
    expect(answer.calls[0].tool).toBe(kind === "horizontalpodautoscalers" ? "describe_resource" : "diagnose");
    const findings = answer.parts
      .filter((p): p is FindingsPart => p.type === "findings")
      .flatMap((p) => p.findings);
    // Each of these objects carries one of the demo's planted faults, so the diagnosis must find it.
    if (
      !["CPUThrottlingHigh", "TargetDown", "KubePersistentVolumeFillingUp", "KubeHpaMaxedOut"].includes(
        alertname,
      )
    )
      expect(findings.length).toBeGreaterThan(0);
    if (alertname === "KubeHpaMaxedOut") expect(JSON.stringify(answer.parts)).toContain("TooManyReplicas");
  });

  it("maps the remaining kinds by their labels", () => {
    const one = (labels: Record<string, string>) => alertTargets(alert({ alertname: "X", ...labels }))[0];
    expect(one({ namespace: "batch", job_name: "db-migrate" })).toEqual({
      kind: "jobs",
      name: "db-migrate",
      namespace: "batch",
    });
    expect(one({ namespace: "data", statefulset: "postgres" })).toEqual({
      kind: "statefulsets",
      name: "postgres",
      namespace: "data",
    });
    expect(one({ namespace: "data", persistentvolumeclaim: "data-postgres-0" })).toMatchObject({
      kind: "persistentvolumeclaims",
    });
    expect(one({ namespace: "shop", horizontalpodautoscaler: "checkout" })).toMatchObject({
      kind: "horizontalpodautoscalers",
    });
    expect(one({ namespace: "data", cronjob: "backup-postgres" })).toMatchObject({ kind: "cronjobs" });
    expect(one({ alertname: "KubeNodeNotReady", instance: "demo-worker-3:10250" })).toEqual({
      kind: "nodes",
      name: "demo-worker-3",
    });
    expect(alertTargets(alert({ alertname: "Watchdog" }))).toEqual([]);
  });

  it("does not investigate an alert about a namespace outside the channel's scope", async () => {
    const fired = alert({
      alertname: "KubePodNotReady",
      namespace: "payments",
      pod: pod("payments", "ledger-"),
    });
    const investigation = await investigateAlert(stack.answers, fired, {
      scope: { namespaces: ["shop"] },
      requestId: "t",
      now: Date.now(),
    });
    expect(investigation.answer).toBeUndefined();
    expect(investigation.skipped).toContain("outside this channel's scope (shop)");
  });
});
