import type { Finding } from "../answer.js";
import type { ClusterSnapshot } from "./analyzer.js";

export const ON_NODE_PREFIX = "on node ";

/**
 * "are the crashing pods all on the same node?", "is it the node or the app?": a pod's finding says where it runs,
 * so pods failing on one node and on several tell the two apart.
 */
export function addPodNode(finding: Finding, snapshot: ClusterSnapshot): void {
  if (finding.object.kind !== "Pod" || finding.evidence.some((line) => line.startsWith(ON_NODE_PREFIX)))
    return;
  const pod = snapshot.pods.find(
    (candidate) =>
      candidate.metadata.name === finding.object.name &&
      candidate.metadata.namespace === finding.object.namespace,
  );
  const node = (pod?.spec as { nodeName?: string } | undefined)?.nodeName;
  if (node) finding.evidence.push(`${ON_NODE_PREFIX}${node}`);
}
