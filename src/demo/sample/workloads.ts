import type { KubeObject } from "../../core/ports.js";
import { buildPod, type ContainerPlan, type NodeRef, type PodHealth } from "./pod-factory.js";
import { addObject, ago, nameSuffix, objectMeta, type SampleContext } from "./sample-context.js";

export interface WorkloadPlan {
  namespace: string;
  name: string;
  replicas: number;
  containers: ContainerPlan[];
  /** Health of each pod that exists; fewer entries than replicas means pods are missing. */
  podHealth: PodHealth[];
  nodes: NodeRef[];
  createdAgo: number;
  restarts?: number[];
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  podAnnotations?: Record<string, string>;
  serviceAccountName?: string;
  schedulingMessage?: string;
  /** Names of nodes that stopped reporting: their pods are marked not ready. */
  lostNodes?: string[];
  /** Pods on the node's network (kube-proxy): their IP is the node's. */
  hostNetwork?: boolean;
}

export interface Workload {
  owner: KubeObject;
  pods: KubeObject[];
  readyCount: number;
}

export function template(plan: WorkloadPlan, labels: Record<string, string>) {
  return {
    metadata: { labels, annotations: plan.podAnnotations },
    spec: {
      containers: plan.containers,
      serviceAccountName: plan.serviceAccountName ?? "default",
      restartPolicy: "Always",
      ...(plan.hostNetwork ? { hostNetwork: true } : {}),
    },
  };
}

export function podsFor(
  ctx: SampleContext,
  plan: WorkloadPlan,
  owner: KubeObject,
  labels: Record<string, string>,
  nameOf: (i: number) => string,
  pinned?: NodeRef[],
) {
  const pods = plan.podHealth.map((health, i) => {
    const node = health === "unschedulable" ? undefined : (pinned?.[i] ?? plan.nodes[i % plan.nodes.length]);
    return buildPod(ctx, {
      name: nameOf(i),
      namespace: plan.namespace,
      labels,
      annotations: plan.podAnnotations,
      owner,
      node,
      containers: plan.containers,
      health,
      createdAgo: Math.max(plan.createdAgo - 30 - i * 7, 60),
      restarts: plan.restarts?.[i],
      serviceAccountName: plan.serviceAccountName,
      schedulingMessage: plan.schedulingMessage,
      nodeLost: node !== undefined && (plan.lostNodes ?? []).includes(node.name),
      hostNetwork: plan.hostNetwork,
    });
  });
  const readyCount = pods.filter((p) =>
    (p.status as { conditions: { type: string; status: string }[] }).conditions.some(
      (c) => c.type === "Ready" && c.status === "True",
    ),
  ).length;
  return { pods, readyCount };
}

function deploymentConditions(ctx: SampleContext, rsName: string, replicas: number, available: number) {
  const enough = available >= replicas - Math.floor(replicas / 4);
  const at = ago(ctx, 3600);
  return [
    enough
      ? {
          type: "Available",
          status: "True",
          reason: "MinimumReplicasAvailable",
          message: "Deployment has minimum availability.",
          lastUpdateTime: at,
          lastTransitionTime: at,
        }
      : {
          type: "Available",
          status: "False",
          reason: "MinimumReplicasUnavailable",
          message: "Deployment does not have minimum availability.",
          lastUpdateTime: at,
          lastTransitionTime: at,
        },
    available === replicas
      ? {
          type: "Progressing",
          status: "True",
          reason: "NewReplicaSetAvailable",
          message: `ReplicaSet "${rsName}" has successfully progressed.`,
          lastUpdateTime: at,
          lastTransitionTime: at,
        }
      : {
          type: "Progressing",
          status: "False",
          reason: "ProgressDeadlineExceeded",
          message: `ReplicaSet "${rsName}" has timed out progressing.`,
          lastUpdateTime: at,
          lastTransitionTime: at,
        },
  ];
}

/** A Deployment, its ReplicaSet and pods, with status counts that agree with the pods. */
export function deployment(ctx: SampleContext, plan: WorkloadPlan): Workload & { replicaSet: KubeObject } {
  const appLabels = { app: plan.name, ...plan.labels };
  const deploy = addObject(ctx, {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: objectMeta(ctx, plan.name, {
      namespace: plan.namespace,
      labels: appLabels,
      annotations: { "deployment.kubernetes.io/revision": "1", ...plan.annotations },
      createdAgo: plan.createdAgo,
    }),
    spec: {
      replicas: plan.replicas,
      selector: { matchLabels: { app: plan.name } },
      template: template(plan, appLabels),
      strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: "25%", maxSurge: "25%" } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status: {},
  });
  const hash = nameSuffix(ctx, `${plan.namespace}/${plan.name}/rs`, 10);
  const rsName = `${plan.name}-${hash}`;
  const podLabels = { ...appLabels, "pod-template-hash": hash };
  const replicaSet = addObject(ctx, {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: objectMeta(ctx, rsName, {
      namespace: plan.namespace,
      labels: podLabels,
      annotations: {
        "deployment.kubernetes.io/desired-replicas": String(plan.replicas),
        "deployment.kubernetes.io/revision": "1",
      },
      createdAgo: plan.createdAgo - 1,
      owner: deploy,
    }),
    spec: {
      replicas: plan.replicas,
      selector: { matchLabels: { app: plan.name, "pod-template-hash": hash } },
      template: template(plan, podLabels),
    },
    status: {},
  });
  const { pods, readyCount } = podsFor(
    ctx,
    plan,
    replicaSet,
    podLabels,
    (i) => `${rsName}-${nameSuffix(ctx, `${plan.namespace}/${plan.name}/pod/${i}`, 5)}`,
  );
  replicaSet.status = {
    replicas: pods.length,
    fullyLabeledReplicas: pods.length,
    readyReplicas: readyCount,
    availableReplicas: readyCount,
    observedGeneration: 1,
  };
  deploy.status = {
    observedGeneration: 1,
    replicas: pods.length,
    updatedReplicas: pods.length,
    readyReplicas: readyCount,
    availableReplicas: readyCount,
    unavailableReplicas: plan.replicas - readyCount || undefined,
    conditions: deploymentConditions(ctx, rsName, plan.replicas, readyCount),
  };
  return { owner: deploy, replicaSet, pods, readyCount };
}
