import { z } from "zod";
import type { Cell } from "../answer.js";
import type { KubeObject } from "../ports.js";
import { defineTool } from "./define-tool.js";
import { listAcross } from "./list-across.js";
import { namespaceTarget } from "./namespace-scope.js";
import { eventsResource, eventsTable } from "./object-events.js";
import {
  condition,
  type EventObject,
  eventTime,
  podStatus,
  type WorkloadSpec,
  type WorkloadStatus,
} from "./object-shapes.js";
import { DISCOVERY_RULE, readRule } from "./read-rules.js";
import { resolveKind } from "./resolve-kind.js";
import { nowOf } from "./time-format.js";

const HOUR_MS = 3_600_000;

/**
 * The cluster at a glance. Facts: { version, nodes: {ready, total}, namespaces, pods: {Running: n, Pending: n, ...},
 * workloadsBelowDesired: string[], warningEvents, headline, headline_zh }.
 * Under a namespace-limited scope, pods, workloads and events come from the allowed namespaces only.
 */
export const clusterOverview = defineTool({
  name: "cluster_overview",
  description:
    "The cluster at a glance: version, nodes ready, namespaces, pods by phase, workloads below desired, recent warnings.",
  args: z.object({}),
  needs: [
    readRule("", ["nodes", "namespaces", "pods", "events"]),
    readRule("apps", ["deployments", "statefulsets", "daemonsets"]),
    DISCOVERY_RULE,
  ],
  async run(context) {
    const kinds = await Promise.all(
      ["nodes", "namespaces", "pods", "deployments", "statefulsets", "daemonsets"].map((kind) =>
        resolveKind(context.cluster, kind),
      ),
    );
    const [nodesType, namespacesType, podsType, ...workloadTypes] = kinds;
    const target = namespaceTarget(context, undefined, { all_namespaces: true });
    const [version, nodes, namespaces, pods, workloads, events] = await Promise.all([
      context.cluster.version(),
      // A channel that hides cluster-scoped kinds sees no nodes (the scoped cluster would refuse the read).
      context.scope.clusterScopedKinds === "hidden"
        ? Promise.resolve([])
        : context.cluster.list(nodesType, {}),
      context.cluster.listTable(namespacesType, {}),
      listAcross(context, podsType, target),
      Promise.all(workloadTypes.map((type) => listAcross(context, type, target))),
      eventsResource(context).then((type) =>
        listAcross(context, type, target, { fieldSelector: "type=Warning" }),
      ),
    ]);
    const nowMs = nowOf(context);
    const readyNodes = nodes.filter((node) => condition(node, "Ready")?.status === "True");
    const phases: Record<string, number> = {};
    for (const pod of pods)
      phases[podStatus(pod).phase ?? "Unknown"] = (phases[podStatus(pod).phase ?? "Unknown"] ?? 0) + 1;
    const below = workloads.flat().flatMap(belowDesired);
    const recent = (events as EventObject[])
      .filter((event) => nowMs - eventTime(event) <= HOUR_MS)
      .sort((a, b) => eventTime(b) - eventTime(a));
    // The scoped cluster lists only the namespaces in scope that exist.
    const namespaceCount = namespaces.rows.length;
    const summary: Cell[][] = [
      ["Version", version.gitVersion],
      ["Nodes ready", `${readyNodes.length}/${nodes.length}`],
      ["Namespaces", namespaceCount],
      [
        "Pods",
        Object.entries(phases)
          .map(([phase, count]) => `${count} ${phase}`)
          .join(", ") || "0",
      ],
      ["Workloads below desired", below.length],
      ["Warning events (last hour)", recent.length],
    ];
    return {
      parts: [
        { type: "table", title: `Cluster ${context.cluster.name}`, columns: ["", ""], rows: summary },
        ...(below.length > 0
          ? [
              {
                type: "table" as const,
                title: "Workloads below desired replicas",
                columns: ["WORKLOAD", "READY"],
                rows: below.map((entry) => [entry.name, entry.ready]),
                nameColumn: 0,
                unhealthyRows: below.map((_, index) => index),
              },
            ]
          : []),
        ...(recent.length > 0
          ? [eventsTable("Warning events of the last hour", recent.slice(0, 20), nowMs, true)]
          : []),
      ],
      facts: {
        version: version.gitVersion,
        nodes: { ready: readyNodes.length, total: nodes.length },
        notReadyNodes: nodes.filter((node) => !readyNodes.includes(node)).map((node) => node.metadata.name),
        namespaces: namespaceCount,
        pods: phases,
        workloadsBelowDesired: below.map((entry) => entry.name),
        warningEvents: recent.length,
        headline: `Kubernetes ${version.gitVersion}: ${readyNodes.length}/${nodes.length} nodes ready, ${pods.length} pods, ${below.length} workload${below.length === 1 ? "" : "s"} below desired, ${recent.length} warning event${recent.length === 1 ? "" : "s"} in the last hour.`,
        headline_zh: `Kubernetes ${version.gitVersion}：${readyNodes.length}/${nodes.length} 个节点就绪，${pods.length} 个容器组，${below.length} 个工作负载未达期望副本数，最近一小时 ${recent.length} 条警告事件。`,
      },
      notes: recent.length > 20 ? [`${recent.length - 20} more warning events in the last hour`] : [],
    };
  },
});

function belowDesired(workload: KubeObject): { name: string; ready: string }[] {
  const spec = (workload.spec ?? {}) as WorkloadSpec;
  const status = (workload.status ?? {}) as WorkloadStatus;
  const desired = workload.kind === "DaemonSet" ? (status.desiredNumberScheduled ?? 0) : (spec.replicas ?? 1);
  const ready = workload.kind === "DaemonSet" ? (status.numberReady ?? 0) : (status.readyReplicas ?? 0);
  const name = `${workload.kind?.toLowerCase()}/${workload.metadata.namespace}/${workload.metadata.name}`;
  return ready < desired ? [{ name, ready: `${ready}/${desired}` }] : [];
}
