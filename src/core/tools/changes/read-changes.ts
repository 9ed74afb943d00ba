import type { KubeObject } from "../../ports.js";
import type { ToolContext } from "../define-tool.js";
import { listAcross } from "../list-across.js";
import type { NamespaceTarget } from "../namespace-scope.js";
import { eventsResource } from "../object-events.js";
import { podSpec } from "../object-shapes.js";
import { resolveKind } from "../resolve-kind.js";
import type { ChangeSnapshot } from "./change-entry.js";

const WORKLOADS = ["deployments.apps", "statefulsets.apps", "daemonsets.apps", "cronjobs.batch"];
const CONFIGURED = ["configmaps", "services", "horizontalpodautoscalers.autoscaling"];

/** One read of every kind the timeline draws on, in parallel; a kind the cluster does not serve reads as empty. */
export async function readChanges(context: ToolContext, target: NamespaceTarget): Promise<ChangeSnapshot> {
  const list = (kind: string) => readKind(context, target, kind);
  const [workloads, replicaSets, controllerRevisions, configured, pods, nodes, events] = await Promise.all([
    Promise.all(WORKLOADS.map(list)).then((lists) => lists.flat()),
    list("replicasets.apps"),
    list("controllerrevisions.apps"),
    Promise.all(CONFIGURED.map(list)).then((lists) => lists.flat()),
    list("pods"),
    list("nodes"),
    eventsResource(context).then((type) => listAcross(context, type, target)),
  ]);
  const clusterWide = target.allNamespaces || target.namespace === undefined;
  // A namespace's timeline shows the nodes its pods run on: their transitions are its changes too.
  const hosts = new Set(pods.map((pod) => podSpec(pod).nodeName).filter(Boolean));
  return {
    workloads,
    replicaSets,
    controllerRevisions,
    configured,
    pods,
    nodes: clusterWide ? nodes : nodes.filter((node) => hosts.has(node.metadata.name)),
    events,
  };
}

async function readKind(context: ToolContext, target: NamespaceTarget, kind: string): Promise<KubeObject[]> {
  const type = await resolveKind(context.cluster, kind).catch(() => undefined);
  if (!type) return [];
  const objects = type.namespaced
    ? await listAcross(context, type, target)
    : await context.cluster.list(type, {});
  return objects.map((object) => (object.kind ? object : { ...object, kind: type.kind }));
}
