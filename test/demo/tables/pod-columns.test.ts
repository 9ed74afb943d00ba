import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/core/ports.js";
import { podReadyText, podStatusReason } from "../../../src/demo/tables/pod-columns.js";

type State = Record<string, unknown>;

function pod(
  phase: string,
  states: State[],
  extra: { ready?: boolean[]; conditions?: unknown[]; reason?: string; deleting?: boolean } = {},
): KubeObject {
  return {
    metadata: { name: "p", ...(extra.deleting ? { deletionTimestamp: "2026-01-01T00:00:00Z" } : {}) },
    spec: { containers: states.map((_, i) => ({ name: `c${i}` })) },
    status: {
      phase,
      reason: extra.reason,
      conditions: extra.conditions ?? [],
      containerStatuses: states.map((state, i) => ({
        name: `c${i}`,
        state,
        ready: extra.ready?.[i] ?? false,
      })),
    },
  };
}

const running = { running: { startedAt: "2026-01-01T00:00:00Z" } };
const waiting = (reason: string) => ({ waiting: { reason } });
const terminated = (reason: string | undefined, exitCode = 1, signal?: number) => ({
  terminated: { reason, exitCode, signal },
});

describe("podStatusReason: the STATUS column kubectl prints", () => {
  it.each([
    ["a running ready pod", pod("Running", [running], { ready: [true] }), "Running"],
    ["a crash loop", pod("Running", [waiting("CrashLoopBackOff")]), "CrashLoopBackOff"],
    ["an image that cannot be pulled", pod("Pending", [waiting("ImagePullBackOff")]), "ImagePullBackOff"],
    ["an OOM kill", pod("Running", [terminated("OOMKilled", 137)]), "OOMKilled"],
    ["an unscheduled pod", pod("Pending", []), "Pending"],
    ["a finished job pod", pod("Succeeded", [terminated("Completed", 0)]), "Completed"],
    ["a failed job pod", pod("Failed", [terminated("Error", 1)]), "Error"],
    ["a signal without a reason", pod("Running", [terminated(undefined, 0, 9)]), "Signal:9"],
    ["an exit code without a reason", pod("Running", [terminated(undefined, 3)]), "ExitCode:3"],
    [
      "the last container wins",
      pod("Running", [waiting("CrashLoopBackOff"), waiting("ContainerCreating")]),
      "CrashLoopBackOff",
    ],
    [
      "a completed sidecar beside a running one, pod not ready",
      pod("Running", [running, terminated("Completed", 0)], { ready: [true, false] }),
      "NotReady",
    ],
    [
      "a completed sidecar beside a running one, pod ready",
      pod("Running", [running, terminated("Completed", 0)], {
        ready: [true, false],
        conditions: [{ type: "Ready", status: "True" }],
      }),
      "Running",
    ],
    ["a pod being deleted", pod("Running", [running], { ready: [true], deleting: true }), "Terminating"],
    ["an evicted pod", pod("Failed", [], { reason: "Evicted" }), "Evicted"],
    [
      "a scheduling gate",
      pod("Pending", [], {
        conditions: [{ type: "PodScheduled", status: "False", reason: "SchedulingGated" }],
      }),
      "SchedulingGated",
    ],
  ])("%s → %s", (_, object, expected) => {
    expect(podStatusReason(object)).toBe(expected);
  });

  it("counts READY as running-and-ready containers over all containers", () => {
    expect(
      podReadyText(pod("Running", [running, waiting("CrashLoopBackOff")], { ready: [true, false] })),
    ).toBe("1/2");
    expect(podReadyText(pod("Pending", []))).toBe("0/0");
  });
});
