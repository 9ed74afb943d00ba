import { describe, expect, it } from "vitest";
import type { CallRecord } from "../../../src/core/answer.js";
import { planQuestion } from "../../../src/core/planner/builtin/builtin-planner.js";
import { createKindLexicon } from "../../../src/core/planner/builtin/kind-lexicon.js";
import type { ClusterNames } from "../../../src/core/ports.js";
import { summariseCalls } from "../../../src/core/summary/summarise.js";

const lexicon = createKindLexicon([]);
const cluster: ClusterNames = {
  namespaces: new Set(["shop", "payments", "team-a", "metrics"]),
  nodes: new Set(["worker-1", "control-plane-1"]),
  objects: new Map([
    ["checkout", ["deployments"]],
    ["node-exporter", ["daemonsets"]],
  ]),
  complete: true,
};

// Messages as the scheduler, kubelet, controllers and provisioners write them, with any numbers and names.
const MESSAGES: [string, (n: number, x: string) => string][] = [
  [
    "pods",
    (n, x) =>
      `0/${n} nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, ${n - 1} Insufficient cpu. preemption: 0/${n} nodes are available: ${n} Preemption is not helpful for scheduling. (${x})`,
  ],
  [
    "pods",
    (n, x) => `0/${n} nodes are available: ${n} node(s) didn't match Pod's node affinity/selector (${x})`,
  ],
  [
    "pods",
    (_n, x) => `Back-off restarting failed container ${x} in pod ${x}-0_${x}(uid)`.replace(/ in pod .*/, ""),
  ],
  ["pods", (n, x) => `Failed to pull image "registry.example.com/${x}:v${n}": not found`],
  ["pods", (n) => `Readiness probe failed: HTTP probe failed with statuscode: ${500 + n}`],
  ["jobs", () => "Job has reached the specified backoff limit"],
  [
    "deployments",
    (_n, x) => `ReplicaSet "${x}-7d9f" has timed out progressing; exceeded its progress deadline`,
  ],
  ["nodes", () => "Kubelet stopped posting node status."],
  ["persistentvolumeclaims", (_n, x) => `storageclass.storage.k8s.io "${x}" not found`],
];
const FRAMES = [
  (m: string) => `${m} — what does this mean?`,
  (m: string) => `getting "${m}", which one is it?`,
  (m: string) => `收到这个：${m} 是什么意思`,
];

describe("a pasted Kubernetes message that names no object is about the objects of its kind", () => {
  for (const [kind, make] of MESSAGES) {
    it(`${make(4, "fast-ssd").slice(0, 60)}… → diagnose ${kind}`, () => {
      const wrong = [3, 4, 12].flatMap((n) =>
        ["fast-ssd", "app", "premium-x"].flatMap((x) =>
          FRAMES.map((frame) => frame(make(n, x))).filter((question) => {
            const plan = planQuestion(question, lexicon, cluster);
            return !(
              plan.calls.length === 1 &&
              plan.calls[0].tool === "diagnose" &&
              plan.calls[0].args.kind === kind
            );
          }),
        ),
      );
      expect(wrong).toEqual([]);
    });
  }

  it("diagnoses in the namespace the question names", () => {
    for (const namespace of cluster.namespaces) {
      const plan = planQuestion(
        `in ${namespace}: Back-off restarting failed container, which one?`,
        lexicon,
        cluster,
      );
      expect(plan.calls).toEqual([{ tool: "diagnose", args: { kind: "pods", namespace } }]);
    }
  });

  it("diagnoses the object a message names, whatever else the question asks", () => {
    const objects = ["checkout", "node-exporter"];
    const frames = [
      (m: string, x: string) => `what does "${m}" mean for ${x}?`,
      (m: string, x: string) => `告警说 "${m}"，${x} 的根因是啥`,
      (m: string, x: string) => `events of ${x} say ${m}, why?`,
    ];
    // A missing StorageClass is about a claim, which a workload's name does not make it.
    const wrong = MESSAGES.filter(([kind]) => kind !== "persistentvolumeclaims").flatMap(([, make]) =>
      objects.flatMap((x) =>
        frames
          .map((frame) => frame(make(4, "fast-ssd"), x))
          .filter((question) => {
            const calls = planQuestion(question, lexicon, cluster).calls;
            return !calls.some((call) => call.tool === "diagnose" && call.args.name === x);
          }),
      ),
    );
    expect(wrong).toEqual([]);
  });

  it("diagnoses pods and nodes for a scheduling failure that quotes a node's taint", () => {
    const plan = planQuestion(
      '这条是啥意思："1 node(s) had untolerated taint {node.kubernetes.io/memory-pressure: }"',
      lexicon,
      cluster,
    );
    expect(plan.calls.map((call) => call.args.kind).sort()).toEqual(["nodes", "pods"]);
  });

  it("leaves a question that names its object to the planner", () => {
    const plan = planQuestion("why is checkout stuck with 0/4 nodes are available", lexicon, cluster);
    expect(plan.calls.map((call) => call.args.name)).toContain("checkout");
  });
});

describe("the diagnosis summary of a pasted message", () => {
  const record: CallRecord = {
    tool: "diagnose",
    args: { kind: "pods" },
    ok: true,
    durationMs: 1,
    facts: {
      findings: 7,
      critical: 7,
      objects: ["a/p1", "a/p2", "a/p3", "a/p4", "a/p5", "b/p6", "b/stuck-0"],
      reasonsByObject: {
        "a/p1": ["CrashLoopBackOff"],
        "a/p2": ["CrashLoopBackOff"],
        "a/p3": ["OOMKilled"],
        "a/p4": ["ImagePullBackOff"],
        "a/p5": ["ContainerNotReady"],
        "b/p6": ["ReadinessProbeFailed"],
        "b/stuck-0": ["Unschedulable"],
      },
      acrossNamespaces: true,
    },
  };
  const summary = (question: string, language: "en" | "zh" = "en") =>
    summariseCalls(language, [{ record, parts: [], notes: [] }], question);

  it("leads with the objects whose findings the message shows as", () => {
    expect(summary("0/4 nodes are available: 3 Insufficient cpu. what does this mean")).toMatch(
      /: b\/stuck-0 \(Unschedulable\), a\/p1/,
    );
    expect(summary("0/4 nodes are available: 3 Insufficient cpu 是什么意思", "zh")).toContain("b/stuck-0");
    expect(summary("Readiness probe failed: HTTP probe failed with statuscode: 503")).toMatch(/: b\/p6 /);
  });

  it("keeps the diagnosis order for a question that pastes no message", () => {
    expect(summary("what's broken?")).toMatch(/: a\/p1 \(CrashLoopBackOff\), a\/p2/);
  });
});
