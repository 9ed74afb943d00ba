import { describe, expect, it } from "vitest";
import type { Finding } from "../../../src/core/answer.js";
import { type ClusterSnapshot, emptySnapshot } from "../../../src/core/diagnose/analyzer.js";
import { analyzers } from "../../../src/core/diagnose/index.js";
import type { KubeObject } from "../../../src/core/ports.js";
import { object, pod } from "../../helpers/fake-cluster.js";

function snapshotOf(parts: Partial<ClusterSnapshot>): ClusterSnapshot {
  return { ...emptySnapshot(), ...parts };
}

function run(snapshot: ClusterSnapshot): Finding[] {
  return analyzers.flatMap((analyzer) => analyzer.analyze(snapshot));
}

function waitingPod(name: string, reason: string, lastReason?: string): KubeObject {
  return pod("shop", name, {
    status: {
      phase: "Running",
      containerStatuses: [
        {
          name: "main",
          image: "example/app:1",
          ready: false,
          restartCount: 7,
          state: { waiting: { reason, message: `${reason} happened` } },
          ...(lastReason
            ? {
                lastState: {
                  terminated: { reason: lastReason, exitCode: lastReason === "OOMKilled" ? 137 : 1 },
                },
              }
            : {}),
        },
      ],
    },
  });
}

const event = (kind: string, name: string, reason: string, message: string, type = "Warning") =>
  ({
    kind: "Event",
    metadata: { name: `${name}.1`, namespace: "shop" },
    involvedObject: { kind, name, namespace: "shop" },
    reason,
    message,
    type,
  }) as KubeObject;

const cases: { name: string; snapshot: ClusterSnapshot; reasons: string[]; evidence?: RegExp }[] = [
  { name: "a healthy cluster", snapshot: snapshotOf({ pods: [pod("shop", "web-1")] }), reasons: [] },
  {
    name: "a crash loop",
    snapshot: snapshotOf({
      pods: [waitingPod("api-1", "CrashLoopBackOff", "Error")],
      events: [event("Pod", "api-1", "BackOff", "Back-off restarting failed container")],
    }),
    reasons: ["CrashLoopBackOff"],
    evidence: /Back-off restarting/,
  },
  {
    name: "an OOM kill in a crash loop",
    snapshot: snapshotOf({ pods: [waitingPod("mem-1", "CrashLoopBackOff", "OOMKilled")] }),
    reasons: ["OOMKilled"],
    evidence: /OOMKilled/,
  },
  {
    name: "an image pull failure",
    snapshot: snapshotOf({ pods: [waitingPod("img-1", "ErrImagePull")] }),
    reasons: ["ImagePullBackOff"],
    evidence: /ErrImagePull/,
  },
  {
    name: "an unschedulable pod",
    snapshot: snapshotOf({
      pods: [
        pod("shop", "big-1", {
          status: {
            phase: "Pending",
            conditions: [
              {
                type: "PodScheduled",
                status: "False",
                reason: "Unschedulable",
                message: "0/3 nodes: Insufficient cpu",
              },
            ],
          },
        }),
      ],
    }),
    reasons: ["Unschedulable"],
    evidence: /Insufficient cpu/,
  },
  {
    name: "a failing readiness probe",
    snapshot: snapshotOf({
      pods: [
        pod("shop", "ready-1", {
          spec: {
            containers: [{ name: "main", readinessProbe: { httpGet: { path: "/ready", port: 8080 } } }],
          },
          status: {
            phase: "Running",
            containerStatuses: [{ name: "main", ready: false, state: { running: {} } }],
          },
        }),
      ],
      events: [
        event(
          "Pod",
          "ready-1",
          "Unhealthy",
          "Readiness probe failed: HTTP probe failed with statuscode: 503",
        ),
      ],
    }),
    reasons: ["ReadinessProbeFailed"],
    evidence: /statuscode: 503/,
  },
  {
    name: "a node not ready and one under memory pressure",
    snapshot: snapshotOf({
      nodes: [
        object("Node", undefined, "node-a", {
          status: {
            conditions: [
              {
                type: "Ready",
                status: "Unknown",
                reason: "NodeStatusUnknown",
                message: "Kubelet stopped posting node status.",
              },
            ],
          },
        }),
        object("Node", undefined, "node-b", {
          status: {
            conditions: [
              { type: "Ready", status: "True" },
              { type: "MemoryPressure", status: "True", reason: "KubeletHasInsufficientMemory" },
            ],
          },
        }),
      ],
    }),
    reasons: ["NodeNotReady", "MemoryPressure"],
    evidence: /Kubelet stopped posting/,
  },
  {
    name: "a deployment below desired replicas",
    snapshot: snapshotOf({
      deployments: [
        object("Deployment", "shop", "cart", {
          spec: { replicas: 3, selector: { matchLabels: { app: "cart" } } },
          status: { readyReplicas: 1, availableReplicas: 1 },
        }),
      ],
    }),
    reasons: ["DeploymentUnavailable"],
    evidence: /3 desired/,
  },
  {
    name: "a failed job",
    snapshot: snapshotOf({
      jobs: [
        object("Job", "shop", "migrate", {
          status: {
            failed: 4,
            conditions: [
              {
                type: "Failed",
                status: "True",
                reason: "BackoffLimitExceeded",
                message: "Job has reached the specified backoff limit",
              },
            ],
          },
        }),
      ],
    }),
    reasons: ["JobFailed"],
    evidence: /BackoffLimitExceeded/,
  },
  {
    name: "a pending claim",
    snapshot: snapshotOf({
      persistentvolumeclaims: [
        object("PersistentVolumeClaim", "shop", "data", {
          spec: { storageClassName: "fast" },
          status: { phase: "Pending" },
        }),
      ],
    }),
    reasons: ["PVCPending"],
    evidence: /fast/,
  },
  {
    name: "a service with no ready endpoints",
    snapshot: snapshotOf({
      services: [object("Service", "shop", "search", { spec: { selector: { app: "search" } } })],
      endpoints: [object("Endpoints", "shop", "search", { subsets: [] } as Partial<KubeObject>)],
    }),
    reasons: ["ServiceNoEndpoints"],
    evidence: /0 matching pods/,
  },
];

describe("the analyzers", () => {
  it.each(cases)("find $name", ({ snapshot, reasons, evidence }) => {
    const findings = run(snapshot);
    expect(findings.map((finding) => finding.reason)).toEqual(reasons);
    if (evidence) expect(findings.flatMap((finding) => finding.evidence).join("\n")).toMatch(evidence);
    for (const finding of findings) expect(finding.message).toMatch(/\.$/);
  });

  it("are deterministic", () => {
    const snapshot = cases.reduce((all, entry) => {
      for (const key of Object.keys(all) as (keyof ClusterSnapshot)[])
        (all[key] as KubeObject[]).push(...(entry.snapshot[key] as KubeObject[]));
      return all;
    }, emptySnapshot());
    expect(run(snapshot)).toEqual(run(snapshot));
  });
});
