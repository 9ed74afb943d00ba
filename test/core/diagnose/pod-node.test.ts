import { describe, expect, it } from "vitest";
import type { Finding } from "../../../src/core/answer.js";
import type { ClusterSnapshot } from "../../../src/core/diagnose/analyzer.js";
import { addPodNode, ON_NODE_PREFIX } from "../../../src/core/diagnose/pod-node.js";
import { object } from "../../helpers/fake-cluster.js";

const finding = (kind: string, name: string): Finding => ({
  severity: "critical",
  object: { kind, name, namespace: "shop" },
  reason: "CrashLoopBackOff",
  message: "",
  evidence: ["container app: waiting CrashLoopBackOff"],
});

// Generated over pod and node names: a pod's finding says where it runs, once; other kinds are left alone.
describe.each([
  ["web-7c9d-x1", "worker-1"],
  ["api-gateway-szfd-2tz7m", "ip-10-0-3-17.ec2.internal"],
])("pod %s on %s", (pod, node) => {
  const snapshot = {
    pods: [object("Pod", "shop", pod, { spec: { nodeName: node } }), object("Pod", "other", pod, {})],
  } as unknown as ClusterSnapshot;
  it("names the node once", () => {
    const found = finding("Pod", pod);
    addPodNode(found, snapshot);
    addPodNode(found, snapshot);
    expect(found.evidence.filter((line) => line.startsWith(ON_NODE_PREFIX))).toEqual([
      `${ON_NODE_PREFIX}${node}`,
    ]);
  });
  it("adds nothing to a workload's finding", () => {
    const found = finding("Deployment", pod);
    addPodNode(found, snapshot);
    expect(found.evidence).toHaveLength(1);
  });
});
