import type { AnswerPart } from "../answer.js";
import type { KubeObject } from "../ports.js";
import type { ToolContext } from "./define-tool.js";
import { listAcross } from "./list-across.js";
import { namespaceTarget } from "./namespace-scope.js";
import { podSpec, podStatus } from "./object-shapes.js";
import { humanBytes, millicores, parseQuantity } from "./quantities.js";
import { resolveKind } from "./resolve-kind.js";

interface ResourceContainer {
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}

/**
 * kubectl describe node's "Allocated resources": the requests and limits of the node's non-terminated pods
 * (those of the caller's scope: a scoped channel sums only what it may see), against what the node can allocate.
 */
export async function nodeAllocated(context: ToolContext, node: KubeObject): Promise<AnswerPart | undefined> {
  const pods = await listAcross(
    context,
    await resolveKind(context.cluster, "pods"),
    namespaceTarget(context, undefined, { all_namespaces: true }),
    { fieldSelector: `spec.nodeName=${node.metadata.name}` },
  );
  const running = pods.filter(
    (pod) =>
      podSpec(pod).nodeName === node.metadata.name &&
      !["Succeeded", "Failed"].includes(podStatus(pod).phase ?? ""),
  );
  const allocatable = ((node.status ?? {}) as { allocatable?: Record<string, string> }).allocatable ?? {};
  const sum = (resource: "cpu" | "memory", side: "requests" | "limits") =>
    running
      .flatMap((pod) => (podSpec(pod).containers ?? []) as ResourceContainer[])
      .reduce((total, container) => total + (parseQuantity(container.resources?.[side]?.[resource]) ?? 0), 0);
  const cell = (resource: "cpu" | "memory", side: "requests" | "limits") => {
    const used = sum(resource, side);
    const capacity = parseQuantity(allocatable[resource]) ?? 0;
    // kubectl's own units (millicores, Mi) and its truncated percentage, with Gi beside a big Mi figure.
    const mebibytes = Math.round(used / 2 ** 20);
    const shown =
      resource === "cpu"
        ? millicores(used)
        : used >= 2 ** 30
          ? `${mebibytes}Mi = ${humanBytes(used)}`
          : `${mebibytes}Mi`;
    return capacity > 0 ? `${shown} (${Math.floor((100 * used) / capacity)}%)` : shown;
  };
  return {
    type: "table",
    title: `Allocated resources (${running.length} non-terminated pods)`,
    columns: ["RESOURCE", "REQUESTS", "LIMITS"],
    rows: [
      ["cpu", cell("cpu", "requests"), cell("cpu", "limits")],
      ["memory", cell("memory", "requests"), cell("memory", "limits")],
    ],
  };
}
