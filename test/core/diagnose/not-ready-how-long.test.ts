import { describe, expect, it } from "vitest";
import type { Finding } from "../../../src/core/answer.js";
import { type ClusterSnapshot, emptySnapshot } from "../../../src/core/diagnose/analyzer.js";
import { addHowLong } from "../../../src/core/diagnose/how-long.js";
import { analyzers } from "../../../src/core/diagnose/index.js";
import type { KubeObject } from "../../../src/core/ports.js";
import { object, pod } from "../../helpers/fake-cluster.js";

const NOW = Date.parse("2026-12-03T06:00:00Z");
const ago = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();

function run(parts: Partial<ClusterSnapshot>): Finding[] {
  const snapshot = { ...emptySnapshot(), ...parts };
  const findings = analyzers.flatMap((analyzer) => analyzer.analyze(snapshot, NOW));
  for (const finding of findings) addHowLong(finding, snapshot, NOW);
  return findings;
}

function unreadyPod(namespace: string, name: string, startedMinutesAgo: number, probe: boolean): KubeObject {
  return pod(namespace, name, {
    spec: {
      containers: [
        { name: "db", image: "db:1", ...(probe ? { readinessProbe: { tcpSocket: { port: 1 } } } : {}) },
      ],
    },
    status: {
      phase: "Running",
      conditions: [
        {
          type: "Ready",
          status: "False",
          reason: "ContainersNotReady",
          lastTransitionTime: ago(startedMinutesAgo),
        },
      ],
      containerStatuses: [
        {
          name: "db",
          image: "db:1",
          ready: false,
          restartCount: 0,
          state: { running: { startedAt: ago(startedMinutesAgo) } },
        },
      ],
    },
  });
}

const NAMES = ["inventory-db-2", "a", "x-0", "kafka-broker-17", "default", "pods"];

describe("a running container that stays unready is a fault, with or without a probe", () => {
  for (const name of NAMES)
    for (const probe of [true, false])
      it(`${name}, ${probe ? "with" : "without"} a readiness probe`, () => {
        const findings = run({ pods: [unreadyPod("warehouse", name, 90, probe)] });
        const finding = findings.find((candidate) => candidate.object.name === name);
        expect(finding?.reason).toBe(probe ? "ReadinessProbeFailed" : "ContainerNotReady");
        expect(finding?.message).toContain("For 90m (since 2026-12-03 04:30 UTC)");
      });

  it("a container that started seconds ago is still starting, not a fault", () => {
    expect(run({ pods: [unreadyPod("warehouse", "fresh-0", 0.25, false)] })).toEqual([]);
  });
});

describe("how long a node has been down or under pressure", () => {
  const node = (ready: string, memoryPressure: string, minutes: number) =>
    object("Node", "", "worker-9", {
      status: {
        conditions: [
          { type: "Ready", status: ready, reason: "NodeStatusUnknown", lastTransitionTime: ago(minutes) },
          { type: "MemoryPressure", status: memoryPressure, lastTransitionTime: ago(minutes / 2) },
        ],
      },
    });

  it("NotReady for 45m, pressure for 22m", () => {
    const findings = run({ nodes: [node("Unknown", "True", 45)] });
    expect(findings.find((f) => f.reason === "NodeNotReady")?.message).toContain("For 45m");
    expect(findings.find((f) => f.reason === "MemoryPressure")?.message).toContain("For 22m");
  });

  it("a healthy node gets no duration", () => {
    expect(run({ nodes: [node("True", "False", 45)] })).toEqual([]);
  });
});
