import { isCodedError } from "../errors.js";
import type { KubeObject } from "../ports.js";
import type { ToolContext } from "./define-tool.js";
import type { ContainerStatus } from "./object-shapes.js";
import { resolveKind } from "./resolve-kind.js";

const WORKLOAD_KINDS = new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"]);
const SHOWN = 3;
const MESSAGE_CHARS = 160;

interface WorkloadShape {
  spec?: { replicas?: number; selector?: { matchLabels?: Record<string, string> } };
  status?: { readyReplicas?: number; numberReady?: number; desiredNumberScheduled?: number };
}

/**
 * "catalog's image tag: is it wrong?": an answer about a workload that is not all ready says why its pods are not,
 * in the words the kubelet used (ImagePullBackOff: … not found; last run OOMKilled, exit 137), and where they run.
 * Empty for a workload at its desired count or one whose pods cannot be read.
 */
export async function unreadyPodLines(context: ToolContext, object: KubeObject): Promise<string[]> {
  if (!WORKLOAD_KINDS.has(object.kind ?? "") || !object.metadata.namespace) return [];
  const { spec, status } = object as WorkloadShape;
  const desired = object.kind === "DaemonSet" ? (status?.desiredNumberScheduled ?? 0) : (spec?.replicas ?? 1);
  const ready = object.kind === "DaemonSet" ? (status?.numberReady ?? 0) : (status?.readyReplicas ?? 0);
  const labels = Object.entries(spec?.selector?.matchLabels ?? {});
  if (ready >= desired || labels.length === 0) return [];
  try {
    const pods = await context.cluster.list(await resolveKind(context.cluster, "pods"), {
      namespace: object.metadata.namespace,
      labelSelector: labels.map(([key, value]) => `${key}=${value}`).join(","),
    });
    return pods.flatMap(podLine).slice(0, SHOWN);
  } catch (error) {
    if (isCodedError(error)) return [];
    throw error;
  }
}

function podLine(pod: KubeObject): string[] {
  const statuses = ((pod.status as { containerStatuses?: ContainerStatus[] } | undefined)
    ?.containerStatuses ?? []) as ContainerStatus[];
  const node = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
  const why = statuses.flatMap((container) => {
    if (container.ready) return [];
    const waiting = container.state?.waiting;
    const ended = container.lastState?.terminated ?? container.state?.terminated;
    const said = [
      waiting?.reason ? `${waiting.reason}${waiting.message ? `: ${clip(waiting.message)}` : ""}` : "",
      ended?.reason
        ? `last run ${ended.reason}${ended.exitCode !== undefined ? ` (exit ${ended.exitCode})` : ""}`
        : "",
    ].filter(Boolean);
    return said.length > 0 ? [`${container.name}: ${said.join(", ")}`] : [`${container.name}: not ready`];
  });
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  if (why.length === 0 && phase === "Running") return [];
  const reason = why.length > 0 ? why.join("; ") : (phase ?? "unknown");
  return [`pod ${pod.metadata.name}${node ? ` on ${node}` : ""}: ${reason}`];
}

const clip = (text: string) => (text.length > MESSAGE_CHARS ? `${text.slice(0, MESSAGE_CHARS - 1)}…` : text);
