import { describe, expect, it } from "vitest";
import { writeYaml } from "../../../src/adapters/format/yaml-writer.js";
import type { KubeObject } from "../../../src/core/ports.js";
import { redactText } from "../../../src/core/redact.js";
import type { ToolContext } from "../../../src/core/tools/define-tool.js";
import { describeResource } from "../../../src/core/tools/describe-resource.js";
import { rolloutStatus } from "../../../src/core/tools/rollout-status.js";
import { createFakeCluster, object } from "../../helpers/fake-cluster.js";

// Generated over workload names and the ways a pod fails: an answer about a failing workload says why, first.
const NAMES = ["catalog", "ledger", "orders-v2"];
const FAILURES: [string, Record<string, unknown>, string][] = [
  [
    "image",
    { state: { waiting: { reason: "ImagePullBackOff", message: 'image "x:v2" not found' } } },
    "ImagePullBackOff",
  ],
  [
    "memory",
    { state: { running: {} }, lastState: { terminated: { reason: "OOMKilled", exitCode: 137 } } },
    "OOMKilled (exit 137)",
  ],
  [
    "crash",
    {
      state: { waiting: { reason: "CrashLoopBackOff" } },
      lastState: { terminated: { reason: "Error", exitCode: 1 } },
    },
    "CrashLoopBackOff",
  ],
];

function contextFor(name: string, status: Record<string, unknown>, readyReplicas: number): ToolContext {
  const labels = { app: name };
  const objects: KubeObject[] = [
    object("Namespace", undefined, "shop"),
    object("Deployment", "shop", name, {
      spec: {
        replicas: 1,
        selector: { matchLabels: labels },
        template: { metadata: { labels }, spec: { containers: [{ name: "app", image: "x:v2" }] } },
      },
      status: { replicas: 1, readyReplicas, availableReplicas: readyReplicas },
    }),
    object("ReplicaSet", "shop", `${name}-6d4f9`, {
      metadata: {
        name: `${name}-6d4f9`,
        namespace: "shop",
        annotations: { "deployment.kubernetes.io/revision": "1" },
        ownerReferences: [{ kind: "Deployment", name }],
      },
      spec: { template: { metadata: { labels }, spec: { containers: [{ name: "app", image: "x:v2" }] } } },
    }),
    object("Pod", "shop", `${name}-6d4f9-abcde`, {
      metadata: { name: `${name}-6d4f9-abcde`, namespace: "shop", labels },
      spec: { nodeName: "worker-7", containers: [{ name: "app", image: "x:v2" }] },
      status: { phase: "Running", containerStatuses: [{ name: "app", ready: readyReplicas > 0, ...status }] },
    }),
  ];
  return { cluster: createFakeCluster({ objects }), scope: {}, redact: redactText, toYaml: writeYaml };
}

describe.each(NAMES)("workload %s", (name) => {
  it.each(FAILURES)(
    "a field answer leads with the value and says why it is failing (%s)",
    async (_what, status, said) => {
      const output = await describeResource.run(contextFor(name, status, 0), {
        kind: "deployments",
        name,
        fields: ["image"],
      });
      const headline = String(output.facts?.headline);
      expect(headline).toMatch(new RegExp(`^${name}: image x:v2`));
      expect(headline).toContain(`Not ready: pod ${name}-6d4f9-abcde on worker-7`);
      expect(headline).toContain(said);
      expect(String(output.facts?.headline_zh)).toContain(said);
    },
  );
  it("says nothing of pods when every replica is ready", async () => {
    const output = await describeResource.run(contextFor(name, { state: { running: {} } }, 1), {
      kind: "deployments",
      name,
      fields: ["image"],
    });
    expect(String(output.facts?.headline)).not.toContain("Not ready");
    expect(output.parts.some((part) => part.type === "text" && part.title === "Pods not ready")).toBe(false);
  });
  it("a stuck rollout says why its pods do not come up", async () => {
    const [, status, said] = FAILURES[0]!;
    const output = await rolloutStatus.run(contextFor(name, status, 0), { kind: "deployments", name });
    expect(String(output.facts?.headline)).toContain(said);
  });
});
