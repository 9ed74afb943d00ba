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
