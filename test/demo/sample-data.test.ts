import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../src/core/ports.js";
import {
  buildSampleCluster,
  plantedFaults,
  promptInjectionLine,
  secretCanaries,
} from "../../src/demo/sample-data.js";
import { podStatusReason } from "../../src/demo/tables/pod-columns.js";

const now = Date.parse("2026-01-15T12:00:00Z");
const sample = buildSampleCluster({ seed: 1, now });
const ofKind = (kind: string) => sample.objects.filter((o) => o.kind === kind);
const find = (kind: string, name: string, namespace?: string) =>
  sample.objects.find(
    (o) => o.kind === kind && o.metadata.name === name && o.metadata.namespace === namespace,
  );
const eventsAbout = (object: KubeObject) =>
  // biome-ignore lint/suspicious/noExplicitAny: sample events are untyped JSON
  ofKind("Event").filter((e: any) => e.involvedObject.uid === object.metadata.uid) as any[];

describe("the sample cluster", () => {
  it("is a pure function of the seed", () => {
    const again = buildSampleCluster({ seed: 1, now });
    expect(JSON.stringify(again.objects)).toBe(JSON.stringify(sample.objects));
    const other = buildSampleCluster({ seed: 2, now });
    expect(other.plantedFaults.map((f) => f.reason)).toEqual(sample.plantedFaults.map((f) => f.reason));
    expect(other.plantedFaults.map((f) => f.name)).not.toEqual(sample.plantedFaults.map((f) => f.name));
  });

  it("plants every fault the brief lists, and the exported list is the seed-1 one", () => {
    expect(sample.plantedFaults.map((f) => f.reason).sort()).toEqual(
      [
        "CrashLoopBackOff",
        "DeploymentUnavailable",
        "ImagePullBackOff",
        "JobFailed",
        "MemoryPressure",
        "NodeNotReady",
        "OOMKilled",
        "PVCPending",
        "ReadinessProbeFailed",
        "ServiceNoEndpoints",
        "Unschedulable",
      ].sort(),
    );
    expect(plantedFaults).toEqual(sample.plantedFaults);
    for (const fault of sample.plantedFaults)
      expect(find(fault.kind, fault.name, fault.namespace)).toBeDefined();
  });

  it("backs each faulty pod with the status kubectl shows and a matching event", () => {
    const cases: [string, string, string][] = [
      ["CrashLoopBackOff", "CrashLoopBackOff", "BackOff"],
      ["ImagePullBackOff", "ImagePullBackOff", "Failed"],
      ["OOMKilled", "OOMKilled", "BackOff"],
      ["Unschedulable", "Pending", "FailedScheduling"],
      ["ReadinessProbeFailed", "Running", "Unhealthy"],
    ];
    for (const [reason, status, eventReason] of cases) {
      const fault = sample.plantedFaults.find((f) => f.reason === reason)!;
      const pod = find("Pod", fault.name, fault.namespace)!;
      expect(podStatusReason(pod), reason).toBe(status);
      expect(
        eventsAbout(pod).map((e) => e.reason),
        reason,
      ).toContain(eventReason);
    }
    // biome-ignore lint/suspicious/noExplicitAny: sample pods are untyped JSON
    const oom: any = find(
      "Pod",
      sample.plantedFaults.find((f) => f.reason === "OOMKilled")!.name,
      "payments",
    );
    expect(oom.status.containerStatuses[0].lastState.terminated.reason).toBe("OOMKilled");
    // biome-ignore lint/suspicious/noExplicitAny: sample pods are untyped JSON
    const pending: any = find(
      "Pod",
      sample.plantedFaults.find((f) => f.reason === "Unschedulable")!.name,
      "payments",
    );
    expect(pending.status.conditions).toEqual([
      expect.objectContaining({ type: "PodScheduled", status: "False", reason: "Unschedulable" }),
    ]);
  });

  it("keeps workloads, services and endpoints consistent with the pods", () => {
    // biome-ignore lint/suspicious/noExplicitAny: sample objects are untyped JSON
    const checkout: any = find("Deployment", "checkout", "shop");
    expect(checkout.spec.replicas).toBe(3);
    expect(checkout.status.readyReplicas).toBe(2);
    // biome-ignore lint/suspicious/noExplicitAny: sample objects are untyped JSON
    const endpoints: any = find("Endpoints", "recommendation", "shop");
    expect(endpoints.subsets[0].addresses).toBeUndefined();
    expect(endpoints.subsets[0].notReadyAddresses).toHaveLength(1);
    // biome-ignore lint/suspicious/noExplicitAny: sample objects are untyped JSON
    const job: any = find("Job", "db-migrate", "batch");
    expect(job.status.conditions.find((c: { type: string }) => c.type === "Failed").reason).toBe(
      "BackoffLimitExceeded",
    );
    // biome-ignore lint/suspicious/noExplicitAny: sample objects are untyped JSON
    const claim: any = find("PersistentVolumeClaim", "analytics-scratch", "data");
    expect(claim.status.phase).toBe("Pending");
    expect(find("StorageClass", claim.spec.storageClassName)).toBeUndefined();
    for (const pod of ofKind("Pod")) {
      const owner = pod.metadata.ownerReferences?.[0];
      if (owner && owner.kind !== "Node")
        expect(find(owner.kind, owner.name, pod.metadata.namespace), pod.metadata.name).toBeDefined();
    }
    for (const pod of ofKind("Pod") as KubeObject[]) {
      // biome-ignore lint/suspicious/noExplicitAny: sample pods are untyped JSON
      const spec = pod.spec as any;
      expect(
        find("ServiceAccount", spec.serviceAccountName, pod.metadata.namespace),
        pod.metadata.name,
      ).toBeDefined();
      for (const volume of spec.volumes) {
        if (volume.persistentVolumeClaim) {
          expect(
            find("PersistentVolumeClaim", volume.persistentVolumeClaim.claimName, pod.metadata.namespace),
          ).toBeDefined();
        }
      }
    }
    expect(ofKind("Pod").length).toBeGreaterThanOrEqual(35);
    expect(ofKind("Pod").length).toBeLessThanOrEqual(50); // 43, and warehouse's 7 for the alerts the others do not raise
  });

  it("places every canary in ConfigMaps, pod env, annotations, logs or Secrets, and each is unique", () => {
    expect(new Set(secretCanaries).size).toBe(secretCanaries.length);
    const text = JSON.stringify(sample.objects);
    const logs = [...sample.logs.values()]
      .flatMap((l) => [...l.current, ...(l.previous ?? [])].map((line) => line.text))
      .join("\n");
    const secrets = ofKind("Secret")
      // biome-ignore lint/suspicious/noExplicitAny: sample secrets are untyped JSON
      .flatMap((s: any) => Object.values(s.data as Record<string, string>))
      .map((v) => Buffer.from(v, "base64").toString("utf8"))
      .join("\n");
    for (const canary of secretCanaries)
      expect(text.includes(canary) || logs.includes(canary) || secrets.includes(canary), canary).toBe(true);
    const where = (kind: string) => JSON.stringify(ofKind(kind));
    expect(secretCanaries.some((c) => where("ConfigMap").includes(c))).toBe(true);
    expect(secretCanaries.some((c) => where("Pod").includes(c))).toBe(true);
    expect(
      secretCanaries.some((c) =>
        JSON.stringify(ofKind("Deployment").map((d) => d.metadata.annotations)).includes(c),
      ),
    ).toBe(true);
    expect(secretCanaries.some((c) => logs.includes(c))).toBe(true);
    expect(logs).toContain(promptInjectionLine);
  });

  it("generates 10,000 extra healthy pods on request", () => {
    const big = buildSampleCluster({ seed: 1, now, pods: 10_000 });
    const pods = big.objects.filter((o) => o.kind === "Pod");
    expect(pods.length).toBe(ofKind("Pod").length + 10_000);
    const names = new Set(pods.map((p) => `${p.metadata.namespace}/${p.metadata.name}`));
    expect(names.size).toBe(pods.length);
  });
});
