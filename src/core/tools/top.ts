import { z } from "zod";
import type { Cell } from "../answer.js";
import type { UsageMetrics } from "../ports.js";
import { defineTool } from "./define-tool.js";
import { ensureNamespaceExists, NAMESPACE_READ_RULE } from "./namespace-exists.js";
import { describeTarget, namespaceTarget } from "./namespace-scope.js";
import { parseQuantity } from "./quantities.js";
import { formatCpu, formatMemory, formatPercent } from "./quantity-format.js";
import { DISCOVERY_RULE, readRule } from "./read-rules.js";
import { resolveKind } from "./resolve-kind.js";

/**
 * CPU and memory from metrics.k8s.io, highest first (CPU unless sort_by=memory).
 * Facts: { kind, sortBy, count, namespace?, top: [{name, cpu, memory, cpuPercent?, memoryPercent?}] (the first 5) }.
 */
export const top = defineTool({
  name: "top",
  description: "CPU and memory use of nodes or pods from metrics-server (kubectl top).",
  args: z.object({
    kind: z.enum(["nodes", "pods"]).describe("nodes or pods"),
    namespace: z.string().min(1).optional().describe("Namespace of the pods"),
    all_namespaces: z.boolean().optional().describe("Pods of every namespace"),
    sort_by: z.enum(["cpu", "memory"]).optional().describe("Sort by cpu or memory, highest first"),
  }),
  needs: [
    readRule("metrics.k8s.io", ["nodes", "pods"]),
    readRule("", ["nodes"]),
    DISCOVERY_RULE,
    NAMESPACE_READ_RULE,
  ],
  async run(context, args) {
    const sortBy = args.sort_by ?? "cpu";
    const byUsage = (a: UsageMetrics, b: UsageMetrics) =>
      sortBy === "memory"
        ? b.memoryBytes - a.memoryBytes
        : b.cpuMillicores - a.cpuMillicores || b.memoryBytes - a.memoryBytes;
    let columns: string[];
    let rows: Cell[][];
    let usage: UsageMetrics[];
    const percents = new Map<string, { cpuPercent?: string; memoryPercent?: string }>();
    let where = "";
    let namespace: string | undefined;
    if (args.kind === "nodes") {
      usage = (await context.cluster.nodeMetrics()).sort(byUsage);
      const nodes = await context.cluster.list(await resolveKind(context.cluster, "nodes"), {});
      const allocatable = new Map(
        nodes.map((node) => [node.metadata.name, (node.status as NodeStatus | undefined)?.allocatable ?? {}]),
      );
      columns = ["NAME", "CPU(cores)", "CPU(%)", "MEMORY(bytes)", "MEMORY(%)"];
      rows = usage.map((entry) => {
        const capacity = allocatable.get(entry.name) ?? {};
        const cpuPercent = formatPercent(entry.cpuMillicores, parseCpu(capacity.cpu));
        const memoryPercent = formatPercent(entry.memoryBytes, parseMemory(capacity.memory));
        percents.set(entry.name, { cpuPercent, memoryPercent });
        return [
          entry.name,
          formatCpu(entry.cpuMillicores),
          cpuPercent ?? "<unknown>",
          formatMemory(entry.memoryBytes),
          memoryPercent ?? "<unknown>",
        ];
      });
    } else {
      const target = namespaceTarget(context, { namespaced: true }, args);
      const lists = await Promise.all(target.namespaces.map((ns) => context.cluster.podMetrics(ns)));
      usage = lists.flat().sort(byUsage);
      if (usage.length === 0) await ensureNamespaceExists(context, target);
      const withNamespace = target.allNamespaces;
      columns = [...(withNamespace ? ["NAMESPACE"] : []), "NAME", "CPU(cores)", "MEMORY(bytes)"];
      rows = usage.map((entry) => [
        ...(withNamespace ? [entry.namespace ?? null] : []),
        entry.name,
        formatCpu(entry.cpuMillicores),
        formatMemory(entry.memoryBytes),
      ]);
      where = describeTarget(target);
      namespace = target.namespace;
    }
    return {
      parts: [
        {
          type: "table",
          title: `${args.kind} by ${sortBy}${where}`,
          columns,
          rows,
          nameColumn: columns.indexOf("NAME"),
        },
      ],
      facts: {
        kind: args.kind,
        sortBy,
        count: usage.length,
        ...(namespace ? { namespace } : {}),
        top: usage.slice(0, 5).map((entry) => ({
          name: entry.namespace && args.kind === "pods" ? `${entry.namespace}/${entry.name}` : entry.name,
          cpu: formatCpu(entry.cpuMillicores),
          memory: formatMemory(entry.memoryBytes),
          ...(args.kind === "nodes" ? percents.get(entry.name) : {}),
        })),
      },
      notes: usage.length === 0 ? [`No ${args.kind} metrics${where}`] : [],
    };
  },
});

interface NodeStatus {
  allocatable?: Record<string, string>;
}

/** Node allocatable uses plain cores ("4", "3920m") and binary memory ("16Gi", "16265432Ki"). */
function parseCpu(value: string | undefined): number {
  return (parseQuantity(value) ?? 0) * 1000;
}

function parseMemory(value: string | undefined): number {
  return parseQuantity(value) ?? 0;
}
