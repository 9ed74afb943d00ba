import { expect, it } from "vitest";
import { emptySnapshot } from "../../../src/core/diagnose/analyzer.js";
import { pendingAnalyzer } from "../../../src/core/diagnose/pending.js";

const QUANTITIES = [
  { cpu: "6", memory: "12Gi" },
  { cpu: "250m" },
  { memory: "512Mi" },
  { cpu: "2", memory: "4Gi", "nvidia.com/gpu": "1" },
  {},
];

it.each(QUANTITIES)("an unschedulable pod's finding says what it requests: %j", (requests) => {
  const snapshot = emptySnapshot();
  snapshot.pods = [
    {
      kind: "Pod",
      metadata: { name: "p", namespace: "ns" },
      spec: { containers: [{ name: "main", resources: { requests } }, { name: "side" }] },
      status: {
        phase: "Pending",
        conditions: [
          { type: "PodScheduled", status: "False", reason: "Unschedulable", message: "0/3 nodes" },
        ],
      },
    },
  ];
  const [finding] = pendingAnalyzer.analyze(snapshot);
  const lines = finding.evidence.filter((line) => line.startsWith("requests: "));
  const entries = Object.entries(requests);
  expect(lines).toEqual(
    entries.length > 0 ? [`requests: container main ${entries.map(([k, v]) => `${k} ${v}`).join(", ")}`] : [],
  );
});

// A request no node could hold even empty says so, with the largest node; one that fits somewhere says nothing more.
const node = (name: string, cpu: string, memory: string) => ({
  kind: "Node",
  metadata: { name },
  status: { allocatable: { cpu, memory } },
});
it.each([
  [
    { cpu: "6", memory: "12Gi" },
    ["requests cpu 6, more than any node can allocate: the largest is big-1 with cpu 4"],
  ],
  [
    { cpu: "500m", memory: "32Gi" },
    ["requests memory 32Gi, more than any node can allocate: the largest is big-1 with memory 16170240Ki"],
  ],
  [{ cpu: "3500m", memory: "1Gi" }, []],
])("requests %j against nodes of at most 4 cpu and 15.4Gi", (requests, expected) => {
  const snapshot = emptySnapshot();
  snapshot.nodes = [node("small-1", "2", "7925760Ki"), node("big-1", "4", "16170240Ki")];
  snapshot.pods = [
    {
      kind: "Pod",
      metadata: { name: "p", namespace: "ns" },
      spec: { containers: [{ name: "main", resources: { requests } }] },
      status: {
        phase: "Pending",
        conditions: [
          { type: "PodScheduled", status: "False", reason: "Unschedulable", message: "0/2 nodes" },
        ],
      },
    },
  ];
  const [finding] = pendingAnalyzer.analyze(snapshot);
  expect(finding.evidence.filter((line) => line.includes("more than any node"))).toEqual(expected);
});
