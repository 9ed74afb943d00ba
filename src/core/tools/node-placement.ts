import type { AnswerPart } from "../answer.js";
import type { KubeObject } from "../ports.js";
import type { ToolContext } from "./define-tool.js";
import { resolveKind } from "./resolve-kind.js";

const ZONE = "topology.kubernetes.io/zone";

interface Taint {
  key: string;
  value?: string;
  effect: string;
}

/**
 * What decides where pods may go, beside kubectl's node columns (as `kubectl get nodes -L
 * topology.kubernetes.io/zone` and the taints `describe node` shows): each listed node's zone and taints.
 */
export async function nodePlacement(context: ToolContext, names: readonly string[]): Promise<AnswerPart[]> {
  if (names.length === 0) return [];
  const listed = new Set(names);
  const nodes = (await context.cluster.list(await resolveKind(context.cluster, "nodes"), {})).filter((node) =>
    listed.has(node.metadata.name),
  );
  if (nodes.length === 0) return [];
  return [
    {
      type: "table",
      title: "Node zones and taints",
      columns: ["NODE", "ZONE", "TAINTS"],
      rows: nodes.map((node) => [node.metadata.name, zoneOf(node), taintsOf(node)]),
      nameColumn: 0,
    },
  ];
}

function zoneOf(node: KubeObject): string {
  return node.metadata.labels?.[ZONE] ?? "<none>";
}

export function taintsOf(node: KubeObject): string {
  const taints = ((node.spec as { taints?: Taint[] } | undefined)?.taints ?? []).map(
    (taint) => `${taint.key}${taint.value ? `=${taint.value}` : ""}:${taint.effect}`,
  );
  return taints.length > 0 ? taints.join(", ") : "<none>";
}
