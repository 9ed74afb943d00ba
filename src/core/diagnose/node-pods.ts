import type { Finding } from "../answer.js";
import type { KubeObject } from "../ports.js";
import { conditionsOf, podSpec } from "../tools/object-shapes.js";
import type { Analyzer, ClusterSnapshot } from "./analyzer.js";
import { podTrouble, refOf } from "./evidence.js";

/** Pods scheduled on a node that is not Ready: they look fine to their namespace, but nothing on that node runs. */
export const podsOnUnreadyNodesAnalyzer: Analyzer = {
  name: "pods-on-unready-nodes",
  covers: ["pods"],
  reads: ["pods", "nodes"],
  analyze(snapshot) {
    const unready = unreadyNodes(snapshot);
    return snapshot.pods.flatMap((pod): Finding[] => {
      const node = unready.get(podSpec(pod).nodeName ?? "");
      if (!node) return [];
      return [
        {
          severity: "critical",
          object: refOf(pod, "Pod"),
          reason: "PodOnNotReadyNode",
          message: `Pod runs on node ${node.name}, which is NotReady${node.reason ? ` (${node.reason})` : ""}: ${podTrouble(pod)}.`,
          evidence: [`node ${node.name}: Ready=${node.status}${node.message ? `: ${node.message}` : ""}`],
        },
      ];
    });
  },
};

export interface UnreadyNode {
  name: string;
  status: string;
  reason?: string;
  message?: string;
}

export function unreadyNodes(snapshot: Pick<ClusterSnapshot, "nodes">): Map<string, UnreadyNode> {
  const unready = new Map<string, UnreadyNode>();
  for (const node of snapshot.nodes) {
    const ready = conditionsOf(node).find((condition) => condition.type === "Ready");
    if (ready?.status !== "True")
      unready.set(node.metadata.name, {
        name: node.metadata.name,
        status: ready?.status ?? "Unknown",
        reason: ready?.reason,
        message: ready?.message,
      });
  }
  return unready;
}

/** "pods on it: kube-system/kube-proxy-vjlxr, monitoring/node-exporter-wkt5q" (the first few). */
export function podsOnNode(pods: KubeObject[], node: string, max = 5): string | undefined {
  const on = pods.filter((pod) => podSpec(pod).nodeName === node);
  if (on.length === 0) return undefined;
  const shown = on.slice(0, max).map((pod) => `${pod.metadata.namespace}/${pod.metadata.name}`);
  return `${on.length} pod${on.length === 1 ? "" : "s"} on it: ${shown.join(", ")}${on.length > max ? `, +${on.length - max} more` : ""}`;
}
