import { describe, expect, it } from "vitest";
import { emptySnapshot } from "../../../src/core/diagnose/analyzer.js";
import { healthyStatus } from "../../../src/core/diagnose/healthy-status.js";
import { resolveDiagnosisName } from "../../../src/core/diagnose/narrow-findings.js";
import type { KubeObject } from "../../../src/core/ports.js";

const NAMES = ["cart", "report-nightly", "a", "metrics", "logs", "x-1"];

function pod(name: string, namespace: string, owner: string, ready: boolean): KubeObject {
  return {
    metadata: { name, namespace, ownerReferences: [{ kind: "ReplicaSet", name: owner }] },
    status: { phase: "Running", containerStatuses: [{ ready }] },
  } as KubeObject;
}

function readyDeployment(name: string): KubeObject {
  return {
    metadata: { name, namespace: "ns1" },
    spec: { replicas: 2 },
    status: { readyReplicas: 2, availableReplicas: 2 },
  } as KubeObject;
}

describe("a diagnosis that found nothing says what it saw", () => {
  for (const name of NAMES) {
    it(`names ${name}'s state and its namespace`, () => {
      const snapshot = emptySnapshot();
      snapshot.deployments.push(readyDeployment(name));
      snapshot.deployments.push({
        metadata: { name: `${name}-other`, namespace: "ns1" },
        spec: { replicas: 1 },
        status: {},
      } as KubeObject);
      expect(healthyStatus(snapshot, name)).toEqual([`deployment ns1/${name}: 2/2 ready, 2 available`]);
      expect(healthyStatus(snapshot, undefined)).toHaveLength(2);
    });
  }

  it("reports a node's Ready condition and a CronJob's jobs", () => {
    const snapshot = emptySnapshot();
    snapshot.nodes.push({
      metadata: { name: "n-1" },
      status: { conditions: [{ type: "Ready", status: "True" }] },
    } as KubeObject);
    snapshot.cronjobs.push({ metadata: { name: "cj", namespace: "b" }, spec: {}, status: {} } as KubeObject);
    snapshot.jobs.push({
      metadata: { name: "cj-1", namespace: "b", ownerReferences: [{ kind: "CronJob", name: "cj" }] },
      status: { succeeded: 1 },
    } as KubeObject);
    expect(healthyStatus(snapshot, "n-1")).toEqual(["node n-1: Ready"]);
    expect(healthyStatus(snapshot, "cj")).toEqual([
      "cronjob b/cj: not run yet",
      "job b/cj-1: Complete (succeeded)",
    ]);
  });
});

describe("a name that matches several pods of one workload", () => {
  for (const name of NAMES) {
    it(`resolves ${name} to the pods' shared owner`, () => {
      const snapshot = emptySnapshot();
      snapshot.pods.push(pod(`${name}-5d9-aaaaa`, "ns", `${name}-5d9`, true));
      snapshot.pods.push(pod(`${name}-5d9-bbbbb`, "ns", `${name}-5d9`, false));
      expect(resolveDiagnosisName(snapshot, name, "").name).toBe(`${name}-5d9`);
    });
    it(`stays ambiguous for ${name} when the pods have different owners`, () => {
      const snapshot = emptySnapshot();
      snapshot.pods.push(pod(`${name}-5d9-aaaaa`, "ns", `${name}-5d9`, true));
      snapshot.pods.push(pod(`${name}-other-bbbbb`, "ns", `${name}-other`, false));
      expect(() => resolveDiagnosisName(snapshot, name, "")).toThrow(/matches 2/);
    });
  }
});

// "is coredns affected by the dead node?": a named workload's healthy state says where its pods run, linked by
// ownerReferences (a pod of a longer name with the same prefix is not its).
describe.each(NAMES)("where %s's pods run", (name) => {
  it("names the nodes of its own pods only", () => {
    const snapshot = emptySnapshot();
    snapshot.deployments.push(readyDeployment(name));
    // A pod of one of its ReplicaSets (named after it plus the template hash the pod carries), on a node.
    const replica = (suffix: string, node: string) => {
      const base = pod(`${name}-7d9f8-${suffix}`, "ns1", `${name}-7d9f8`, true);
      const metadata = { ...base.metadata, labels: { "pod-template-hash": "7d9f8" } };
      return { ...base, metadata, spec: { nodeName: node } } as KubeObject;
    };
    const placed = (each: KubeObject, node: string) => ({ ...each, spec: { nodeName: node } }) as KubeObject;
    snapshot.pods.push(
      replica("b2k9x", "node-b"),
      replica("c4m2z", "node-a"),
      placed(pod(`${name}-gateway-1`, "ns1", `${name}-gateway-5c6b`, true), "node-z"),
    );
    expect(healthyStatus(snapshot, name)).toEqual([
      `deployment ns1/${name}: 2/2 ready, 2 available, pods on node-a, node-b`,
    ]);
  });
});

// A name one or two edits from exactly one object's is that object; two that close, or a short one, stay unresolved.
describe.each([
  ["analytics-scrach", "analytics-scratch"],
  ["chekout", "checkout"],
  ["fraud-dector", "fraud-detector"],
])("the typo %s", (typo, name) => {
  const snapshotWith = (...names: string[]) => {
    const snapshot = emptySnapshot();
    for (const each of names)
      snapshot.deployments.push({
        metadata: { name: each, namespace: "ns1" },
        spec: {},
        status: {},
      } as KubeObject);
    return snapshot;
  };
  it("is the one name that close", () => {
    expect(resolveDiagnosisName(snapshotWith(name, "ledger"), typo, "").name).toBe(name);
  });
  it("is not guessed between two", () => {
    expect(() => resolveDiagnosisName(snapshotWith(name, `x${typo}`), typo, "")).toThrow();
  });
});
