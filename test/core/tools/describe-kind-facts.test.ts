import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/core/ports.js";
import type { ToolContext } from "../../../src/core/tools/define-tool.js";
import { keyFacts } from "../../../src/core/tools/describe-facts.js";
import { nodeAllocated } from "../../../src/core/tools/node-allocated.js";
import { humanBytes, memoryWithHumanUnit, parseQuantity } from "../../../src/core/tools/quantities.js";
import { createFakeCluster, object, pod } from "../../helpers/fake-cluster.js";

const lines = (o: KubeObject) => Object.fromEntries(keyFacts(o));

describe("describe says what kubectl describe says, for any name", () => {
  for (const name of ["picker", "a", "api-v2-canary"]) {
    it(`hpa ${name}: reference, bounds, replicas and each metric against its target`, () => {
      const facts = lines(
        object("HorizontalPodAutoscaler", "ns", name, {
          spec: {
            scaleTargetRef: { kind: "Deployment", name },
            minReplicas: 2,
            maxReplicas: 7,
            metrics: [
              {
                type: "Resource",
                resource: { name: "memory", target: { type: "Utilization", averageUtilization: 80 } },
              },
            ],
          },
          status: {
            currentReplicas: 7,
            desiredReplicas: 7,
            currentMetrics: [
              { type: "Resource", resource: { name: "memory", current: { averageUtilization: 91 } } },
            ],
          },
        }),
      );
      expect(facts).toMatchObject({
        Reference: `Deployment/${name}`,
        "Min replicas": "2",
        "Max replicas": "7",
        Replicas: "7 current / 7 desired",
        Metrics: "memory resource utilization (percentage of request): 91% / 80%",
      });
    });

    it(`pdb ${name}, storage class, volume, policy and a custom resource`, () => {
      expect(
        lines(
          object("PodDisruptionBudget", "ns", name, {
            spec: { minAvailable: 1 },
            status: { disruptionsAllowed: 0, expectedPods: 1 },
          }),
        ),
      ).toMatchObject({ "Min available": "1", "Allowed disruptions": "0" });
      expect(
        lines({
          ...object("StorageClass", undefined, name),
          provisioner: "ebs.csi.aws.com",
          volumeBindingMode: "WaitForFirstConsumer",
        } as KubeObject),
      ).toMatchObject({
        Provisioner: "ebs.csi.aws.com",
        VolumeBindingMode: "WaitForFirstConsumer",
        ReclaimPolicy: "Delete",
      });
      expect(
        lines(
          object("PersistentVolume", undefined, name, {
            spec: {
              capacity: { storage: "20Gi" },
              persistentVolumeReclaimPolicy: "Retain",
              claimRef: { namespace: "db", name: "data-0" },
            },
            status: { phase: "Bound" },
          }),
        ),
      ).toMatchObject({ Claim: "db/data-0", "Reclaim Policy": "Retain", Capacity: "20Gi", Status: "Bound" });
      expect(
        lines(
          object("NetworkPolicy", "ns", name, {
            spec: { podSelector: {}, policyTypes: ["Ingress"], ingress: [] },
          }),
        ),
      ).toMatchObject({
        "Pod Selector": "<none> (all pods in the namespace)",
        Ingress: "<none> (all traffic denied)",
      });
      expect(
        lines(
          object("Gizmo", "ns", name, {
            spec: { colour: "teal", size: { x: 3 } },
            status: { phase: "Ready" },
          }),
        ),
      ).toMatchObject({
        "spec.colour": "teal",
        "spec.size.x": "3",
        "status.phase": "Ready",
      });
    });
  }

  it("a pod's resources and a node's memory with a unit a person reads", () => {
    const facts = lines(
      pod("ns", "ledger-0", {
        spec: {
          containers: [
            {
              name: "ledger",
              image: "l:1",
              resources: { requests: { memory: "512Mi" }, limits: { memory: "512Mi", cpu: "1" } },
            },
          ],
        },
      }),
    );
    expect(facts.Resources).toBe("ledger: requests memory 512Mi; limits memory 512Mi, cpu 1");
    expect(memoryWithHumanUnit("16170240Ki")).toBe("16170240Ki (15.4Gi)");
    expect(memoryWithHumanUnit("16Gi")).toBe("16Gi");
    expect(parseQuantity("250m")).toBe(0.25);
    expect(humanBytes(512 * 2 ** 20)).toBe("512Mi");
  });
});

describe("a node's allocated resources", () => {
  it("sums the requests and limits of its non-terminated pods against allocatable, as kubectl does", async () => {
    const node = object("Node", undefined, "n1", { status: { allocatable: { cpu: "4", memory: "8Gi" } } });
    const onNode = (name: string, cpu: string, phase = "Running") =>
      pod("ns", name, {
        spec: {
          nodeName: "n1",
          containers: [
            { name: "c", image: "i", resources: { requests: { cpu, memory: "1Gi" }, limits: { cpu: "1" } } },
          ],
        },
        status: { phase },
      });
    const cluster = createFakeCluster({
      objects: [
        object("Namespace", undefined, "ns"),
        node,
        onNode("a", "1500m"),
        onNode("b", "500m"),
        onNode("done", "2", "Succeeded"),
      ],
    });
    const context = { cluster, scope: {}, redact: (text: string) => text } as unknown as ToolContext;
    const part = await nodeAllocated(context, node);
    expect(part).toMatchObject({
      title: "Allocated resources (2 non-terminated pods)",
      rows: [
        ["cpu", "2 (50%)", "2 (50%)"],
        ["memory", "2048Mi = 2Gi (25%)", "0Mi (0%)"],
      ],
    });
  });
});

// kubectl describe's StrategyType and RollingUpdateStrategy, for each workload kind and any values.
describe("a workload's update strategy", () => {
  const SURGES = ["25%", 1, "50%"];
  const UNAVAILABLE = [0, "10%", 2];
  for (const surge of SURGES)
    for (const unavailable of UNAVAILABLE)
      it(`Deployment maxSurge ${surge} maxUnavailable ${unavailable}`, () => {
        const facts = lines(
          object("Deployment", "ns", "web", {
            spec: {
              strategy: {
                type: "RollingUpdate",
                rollingUpdate: { maxSurge: surge, maxUnavailable: unavailable },
              },
            },
          }),
        );
        expect(facts.Strategy).toBe(`RollingUpdate (${unavailable} max unavailable, ${surge} max surge)`);
      });
  it("the API server's defaults when unset, and Recreate or OnDelete as they are", () => {
    expect(lines(object("Deployment", "ns", "web", { spec: {} })).Strategy).toBe(
      "RollingUpdate (25% max unavailable, 25% max surge)",
    );
    expect(
      lines(object("Deployment", "ns", "web", { spec: { strategy: { type: "Recreate" } } })).Strategy,
    ).toBe("Recreate");
    expect(lines(object("DaemonSet", "ns", "agent", { spec: {} })).Strategy).toBe(
      "RollingUpdate (1 max unavailable)",
    );
    expect(
      lines(object("StatefulSet", "ns", "db", { spec: { updateStrategy: { type: "OnDelete" } } })).Strategy,
    ).toBe("OnDelete");
    expect(
      lines(
        object("StatefulSet", "ns", "db", {
          spec: { updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: 2 } } },
        }),
      ).Strategy,
    ).toBe("RollingUpdate (partition 2)");
  });
});
