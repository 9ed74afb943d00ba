import { describe, expect, it } from "vitest";
import type { Finding } from "../../../src/core/answer.js";
import { emptySnapshot } from "../../../src/core/diagnose/analyzer.js";
import { LINE_UP_MS, precedingChange } from "../../../src/core/diagnose/preceding-change.js";
import type { KubeObject } from "../../../src/core/ports.js";

const NOW = Date.parse("2026-12-01T12:00:00Z");
const iso = (ms: number) => new Date(ms).toISOString();

function replicaSet(name: string, revision: number, image: string, createdMs: number): KubeObject {
  return {
    kind: "ReplicaSet",
    metadata: {
      name,
      namespace: "ns",
      creationTimestamp: iso(createdMs),
      annotations: { "deployment.kubernetes.io/revision": String(revision) },
      ownerReferences: [{ kind: "Deployment", name: "web", controller: true }],
    },
    spec: { template: { spec: { containers: [{ name: "web", image }] } } },
  } as KubeObject;
}

/** A deployment `web` with revisions 1 and 2, a pod of revision 2 and its first warning at `warnedMs`. */
function cluster(revisionMs: number, warnedMs: number, newImage: string) {
  const snapshot = emptySnapshot();
  snapshot.deployments = [{ kind: "Deployment", metadata: { name: "web", namespace: "ns" } }];
  snapshot.replicasets = [
    replicaSet("web-old", 1, "web:1.0", revisionMs - 86_400_000),
    replicaSet("web-new", 2, newImage, revisionMs),
  ];
  snapshot.pods = [
    {
      kind: "Pod",
      metadata: {
        name: "web-new-abc",
        namespace: "ns",
        creationTimestamp: iso(revisionMs + 1000),
        ownerReferences: [{ kind: "ReplicaSet", name: "web-new", controller: true }],
      },
    },
  ];
  snapshot.events = [
    {
      metadata: { name: "e", namespace: "ns" },
      type: "Warning",
      reason: "BackOff",
      involvedObject: { kind: "Pod", name: "web-new-abc", namespace: "ns" },
      firstTimestamp: iso(warnedMs),
    },
  ];
  return snapshot;
}

const podFinding: Finding = {
  severity: "critical",
  object: { kind: "Pod", name: "web-new-abc", namespace: "ns" },
  reason: "CrashLoopBackOff",
  message: "",
  evidence: [],
};
const deploymentFinding: Finding = {
  ...podFinding,
  object: { kind: "Deployment", name: "web", namespace: "ns" },
};

describe("a rollout is named as the change behind a failure exactly when the failure follows it closely", () => {
  // Offsets of the first warning from the revision, from well before it to well after the window.
  const offsets = Array.from({ length: 41 }, (_, i) => (i - 10) * 3 * 60_000);
  it.each(offsets)("warning %d ms after the revision", (offset) => {
    const revisionMs = NOW - 2 * 3_600_000;
    const snapshot = cluster(revisionMs, revisionMs + offset, "web:2.0");
    const expected = offset >= 0 && offset <= LINE_UP_MS;
    for (const finding of [podFinding, deploymentFinding]) {
      const change = precedingChange(finding, snapshot, NOW);
      expect(change !== undefined).toBe(expected);
      if (change) {
        expect(change.en).toContain("revision 2 of deployment/web");
        expect(change.en).toContain("image web:1.0 → web:2.0");
        expect(change.zh).toContain("第 2 版");
        expect(change.summaryZh).toContain("开始失败");
      }
    }
  });

  it("a revision with the same pod template is no change to blame", () => {
    const revisionMs = NOW - 3_600_000;
    expect(
      precedingChange(podFinding, cluster(revisionMs, revisionMs + 60_000, "web:1.0"), NOW),
    ).toBeUndefined();
  });

  it("an object the rollout does not own (by ownerReferences) gets no change, whatever its name", () => {
    const revisionMs = NOW - 3_600_000;
    const snapshot = cluster(revisionMs, revisionMs + 60_000, "web:2.0");
    for (const name of ["web", "web-new", "web-new-ab", "web-new-abcd"]) {
      const other = { ...podFinding, object: { kind: "Pod", name, namespace: "ns" } };
      expect(precedingChange(other, snapshot, NOW)).toBeUndefined();
    }
    const elsewhere = { ...podFinding, object: { ...podFinding.object, namespace: "other" } };
    expect(precedingChange(elsewhere, snapshot, NOW)).toBeUndefined();
  });
});
