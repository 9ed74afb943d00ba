import type { KubeObject, ResourceType } from "../../ports.js";
import type { ToolContext } from "../define-tool.js";
import { isOwnedBy } from "../ownership.js";
import { resolveKind } from "../resolve-kind.js";

const REVISION = "deployment.kubernetes.io/revision";
const CHANGE_CAUSE = "kubernetes.io/change-cause";

export interface PodTemplate {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: { containers?: { name: string; image?: string }[]; [key: string]: unknown };
}

/** One rollout revision: a ReplicaSet of a Deployment, or a ControllerRevision of a StatefulSet or DaemonSet. */
export interface Revision {
  number: number;
  /** The object that holds it (ReplicaSet or ControllerRevision name). */
  source: string;
  createdMs: number;
  template: PodTemplate;
  changeCause?: string;
  /** Ready/desired for a ReplicaSet; pods labelled with the revision's hash otherwise. */
  ready?: number;
  desired?: number;
}

/** The workload's revisions, newest first, linked by ownerReferences (never by name). */
export async function revisionsOf(
  context: ToolContext,
  workload: KubeObject,
  pods: () => Promise<KubeObject[]>,
): Promise<Revision[]> {
  const namespace = workload.metadata.namespace;
  const revisions =
    workload.kind === "Deployment"
      ? await replicaSetRevisions(context, workload, namespace)
      : await controllerRevisions(context, workload, namespace, await pods());
  return revisions.sort((a, b) => b.number - a.number || b.createdMs - a.createdMs);
}

async function replicaSetRevisions(
  context: ToolContext,
  workload: KubeObject,
  namespace: string | undefined,
): Promise<Revision[]> {
  const type = await resolveKind(context.cluster, "replicasets.apps");
  const sets = (await context.cluster.list(type, { namespace })).filter((set) => isOwnedBy(set, workload));
  return sets.map((set) => {
    const spec = (set.spec ?? {}) as { replicas?: number; template?: PodTemplate };
    const status = (set.status ?? {}) as { readyReplicas?: number };
    return {
      number: Number(set.metadata.annotations?.[REVISION] ?? 0),
      source: set.metadata.name,
      createdMs: Date.parse(set.metadata.creationTimestamp ?? "") || 0,
      template: spec.template ?? {},
      changeCause: set.metadata.annotations?.[CHANGE_CAUSE],
      ready: status.readyReplicas ?? 0,
      desired: spec.replicas ?? 0,
    };
  });
}

async function controllerRevisions(
  context: ToolContext,
  workload: KubeObject,
  namespace: string | undefined,
  pods: KubeObject[],
): Promise<Revision[]> {
  const type = await controllerRevisionType(context);
  const owned = (await context.cluster.list(type, { namespace })).filter((revision) =>
    isOwnedBy(revision, workload),
  );
  return owned.map((revision) => {
    const data = (revision.data ?? {}) as { spec?: { template?: PodTemplate } };
    const hash = revision.metadata.labels?.["controller-revision-hash"] ?? revision.metadata.name;
    const running = pods.filter(
      (pod) => isOwnedBy(pod, workload) && pod.metadata.labels?.["controller-revision-hash"] === hash,
    );
    return {
      number: Number(revision.revision ?? 0),
      source: revision.metadata.name,
      createdMs: Date.parse(revision.metadata.creationTimestamp ?? "") || 0,
      template: data.spec?.template ?? {},
      changeCause: revision.metadata.annotations?.[CHANGE_CAUSE],
      ready: running.filter(isReady).length,
      desired: running.length,
    };
  });
}

export function controllerRevisionType(context: ToolContext): Promise<ResourceType> {
  return resolveKind(context.cluster, "controllerrevisions.apps");
}

function isReady(pod: KubeObject): boolean {
  const conditions = ((pod.status ?? {}) as { conditions?: { type: string; status: string }[] }).conditions;
  return (conditions ?? []).some((condition) => condition.type === "Ready" && condition.status === "True");
}

/** `image` of each container, "name=image" joined: what `kubectl rollout history` readers look for first. */
export function imagesOf(template: PodTemplate): string {
  return (template.spec?.containers ?? [])
    .map((container) => `${container.name}=${container.image}`)
    .join(", ");
}
