import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeYaml } from "../../src/adapters/format/yaml-writer.js";
import { createClusterSet } from "../../src/adapters/kubernetes/cluster-set.js";
import { cronRuns } from "../../src/adapters/schedule/cron-runs.js";
import type { Finding, FindingsPart } from "../../src/core/answer.js";
import { SUGGESTION_PREFIX } from "../../src/core/diagnose/suggestions.js";
import type { Cluster, KubeObject } from "../../src/core/ports.js";
import { redactText } from "../../src/core/redact.js";
import { findTool } from "../../src/core/tools/catalogue.js";
import type { ToolContext } from "../../src/core/tools/define-tool.js";
import { resolveKind } from "../../src/core/tools/resolve-kind.js";
import { type SimulatedCluster, startSimulatedCluster } from "../../src/demo/cluster-server.js";

/** §3 and §5 of issue 14: what an on-call engineer would find, the decisive clue first, a next step never run. */
let simulated: SimulatedCluster;
let cluster: Cluster;
let context: ToolContext;
const seen: Finding[] = [];

async function diagnose(args: Record<string, unknown>): Promise<Finding[]> {
  const tool = findTool("diagnose")!;
  const output = await tool.run(context, tool.args.parse(args) as never);
  const findings = (output.parts[0] as FindingsPart).findings;
  seen.push(...findings);
  return findings;
}

async function objects(kind: string, namespace?: string): Promise<KubeObject[]> {
  return cluster.list(await resolveKind(cluster, kind), { namespace });
}

const about = (findings: Finding[], reason: string, name: string) =>
  findings.find((finding) => finding.reason === reason && finding.object.name === name);

beforeAll(async () => {
  simulated = await startSimulatedCluster({ seed: 1 });
  cluster = createClusterSet({ kubeconfig: simulated.kubeconfigPath, requestTimeoutMs: 10_000 }).get();
  context = {
    cluster,
    scope: {},
    defaultNamespace: "default",
    redact: redactText,
    toYaml: writeYaml,
    cronRuns,
  };
});

afterAll(async () => {
  await simulated?.close();
});

describe("diagnose in one namespace finds node trouble that reaches it", () => {
  it("every DaemonSet below desired, and every pod on a NotReady node, with the node named", async () => {
    const findings = await diagnose({ namespace: "kube-system" });
    const nodes = await objects("nodes");
    const notReady = new Set(
      nodes
        .filter((node) =>
          ((node.status as { conditions: { type: string; status: string }[] }).conditions ?? []).some(
            (condition) => condition.type === "Ready" && condition.status !== "True",
          ),
        )
        .map((node) => node.metadata.name),
    );
    expect(notReady.size).toBeGreaterThan(0);
    for (const pod of await objects("pods", "kube-system")) {
      const node = (pod.spec as { nodeName?: string }).nodeName ?? "";
      if (!notReady.has(node)) continue;
      expect(about(findings, "PodOnNotReadyNode", pod.metadata.name)?.message).toContain(node);
    }
    for (const set of await objects("daemonsets", "kube-system")) {
      const status = set.status as { numberReady?: number; desiredNumberScheduled?: number };
      const finding = about(findings, "DaemonSetUnavailable", set.metadata.name);
      if ((status.numberReady ?? 0) < (status.desiredNumberScheduled ?? 0))
        expect(finding?.message).toContain(
          `${status.numberReady} of ${status.desiredNumberScheduled} pods ready`,
        );
      else expect(finding).toBeUndefined();
    }
  });

  it("a node problem lists the pods it affects", async () => {
    const findings = await diagnose({ kind: "nodes" });
    const pressure = findings.find((finding) => finding.reason === "MemoryPressure");
    expect(pressure?.evidence.some((line) => /^\d+ pods? on it: /.test(line))).toBe(true);
    expect(pressure?.evidence).toContain("taints: node.kubernetes.io/memory-pressure:NoSchedule");
  });
});

describe("CronJobs", () => {
  it("diagnose kind=cronjobs is a check, not an internal error; a CronJob that never ran says so", async () => {
    const findings = await diagnose({ namespace: "data", kind: "cronjobs" });
    const never = about(findings, "CronJobNeverRan", "backup-postgres");
    expect(never?.message).toMatch(/^CronJob has never run: created 20d ago, it should have run \d+ times/);
    expect(never?.evidence).toContain("last schedule: <none>; last successful run: <none>");
  });

  it("a CronJob that runs on time has no finding", async () => {
    const findings = await diagnose({ all_namespaces: true, kind: "cronjobs" });
    for (const cron of await objects("cronjobs")) {
      const status = cron.status as { lastScheduleTime?: string; lastSuccessfulTime?: string };
      const spec = cron.spec as { suspend?: boolean };
      if (
        status.lastSuccessfulTime &&
        !spec.suspend &&
        status.lastSuccessfulTime >= (status.lastScheduleTime ?? "")
      )
        expect(findings.filter((finding) => finding.object.name === cron.metadata.name)).toEqual([]);
    }
  });
});

describe("the decisive clue is in the first lines", () => {
  it("catalog: the registry's not-found text, in the message and the first evidence lines", async () => {
    const findings = await diagnose({ namespace: "shop", name: "catalog" });
    const pull = findings.find((finding) => finding.reason === "ImagePullBackOff");
    expect(pull?.message).toContain("v2.4.0-rc1: the registry says not found");
    expect(pull?.evidence.slice(0, 2).some((line) => line.includes("v2.4.0-rc1: not found"))).toBe(true);
  });

  it("recommendation: the error-level log line right after the state", async () => {
    const findings = await diagnose({ namespace: "shop", name: "recommendation" });
    const probe = findings.find((finding) => finding.reason === "ReadinessProbeFailed");
    expect(probe?.evidence[1]).toContain("model download failed: AccessDenied (403)");
  });

  it("ledger: the deployment's finding says OOMKilled, not Running", async () => {
    const findings = await diagnose({ namespace: "payments", name: "ledger" });
    const deployment = about(findings, "DeploymentUnavailable", "ledger");
    expect(deployment?.message).toContain("OOMKilled");
    expect(deployment?.evidence.join("\n")).not.toMatch(/not ready \(Running\)/);
  });
});

describe("next steps are suggestions, never requests", () => {
  it("every finding ends with a kubectl command marked as a suggestion", async () => {
    const findings = await diagnose({ all_namespaces: true });
    expect(findings.length).toBeGreaterThan(5);
    for (const finding of findings)
      expect(finding.evidence.at(-1)).toMatch(new RegExp(`^${escapeRegExp(SUGGESTION_PREFIX)}kubectl `));
    const oom = findings.find((finding) => finding.reason === "OOMKilled");
    expect(oom?.evidence.at(-1)).toMatch(
      /kubectl set resources deployment\/ledger -n payments -c ledger --limits=memory=/,
    );
  });

  it("no suggestion text reached the cluster: only GETs, none naming a suggested verb or command", () => {
    const suggestions = seen.flatMap((finding) =>
      finding.evidence.filter((line) => line.startsWith(SUGGESTION_PREFIX)),
    );
    expect(suggestions.length).toBeGreaterThan(0);
    expect(simulated.requests.filter((request) => request.method !== "GET")).toEqual([]);
    const sent = simulated.requests.map((request) => `${request.path}?${JSON.stringify(request.query)}`);
    for (const text of sent) {
      expect(text).not.toMatch(/kubectl|rollout|undo|set resources|--limits|--previous/);
    }
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
