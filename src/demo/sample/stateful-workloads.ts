import { addObject, nameSuffix, objectMeta, type SampleContext } from "./sample-context.js";
import { podsFor, template, type Workload, type WorkloadPlan } from "./workloads.js";

export function statefulSet(
  ctx: SampleContext,
  plan: WorkloadPlan & { volumeClaimTemplates?: unknown[] },
): Workload {
  const appLabels = { app: plan.name, ...plan.labels };
  const revision = `${plan.name}-${nameSuffix(ctx, `${plan.namespace}/${plan.name}/revision`, 10)}`;
  const sts = addObject(ctx, {
    apiVersion: "apps/v1",
    kind: "StatefulSet",
    metadata: objectMeta(ctx, plan.name, {
      namespace: plan.namespace,
      labels: appLabels,
      createdAgo: plan.createdAgo,
    }),
    spec: {
      replicas: plan.replicas,
      serviceName: plan.name,
      selector: { matchLabels: { app: plan.name } },
      template: template(plan, appLabels),
      volumeClaimTemplates: plan.volumeClaimTemplates,
      podManagementPolicy: "OrderedReady",
    },
    status: {},
  });
  const { pods, readyCount } = podsFor(ctx, plan, sts, appLabels, (i) => `${plan.name}-${i}`);
  const claims = (plan.volumeClaimTemplates ?? []) as { metadata: { name: string } }[];
  pods.forEach((pod, i) => {
    const spec = pod.spec as { volumes: unknown[] };
    for (const claim of claims.slice().reverse()) {
      const claimName = `${claim.metadata.name}-${pod.metadata.name}`;
      spec.volumes.unshift({ name: claim.metadata.name, persistentVolumeClaim: { claimName } });
    }
    pod.metadata.labels = {
      ...appLabels,
      "apps.kubernetes.io/pod-index": String(i),
      "controller-revision-hash": revision,
      "statefulset.kubernetes.io/pod-name": pod.metadata.name,
    };
  });
  sts.status = {
    replicas: pods.length,
    readyReplicas: readyCount,
    availableReplicas: readyCount,
    currentReplicas: pods.length,
    updatedReplicas: pods.length,
    currentRevision: revision,
    updateRevision: revision,
    observedGeneration: 1,
  };
  return { owner: sts, pods, readyCount };
}

/** A DaemonSet with one pod per node of `plan.nodes` (podHealth gives each node's pod health). */
export function daemonSet(
  ctx: SampleContext,
  plan: WorkloadPlan & { nodeSelector?: Record<string, string> },
): Workload {
  const appLabels = { "k8s-app": plan.name, ...plan.labels };
  const ds = addObject(ctx, {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: objectMeta(ctx, plan.name, {
      namespace: plan.namespace,
      labels: appLabels,
      createdAgo: plan.createdAgo,
    }),
    spec: {
      selector: { matchLabels: { "k8s-app": plan.name } },
      template: {
        ...template(plan, appLabels),
        spec: {
          ...template(plan, appLabels).spec,
          nodeSelector: plan.nodeSelector ?? { "kubernetes.io/os": "linux" },
        },
      },
      updateStrategy: { type: "RollingUpdate" },
    },
    status: {},
  });
  const hash = nameSuffix(ctx, `${plan.namespace}/${plan.name}/revision`, 9);
  const labels = { ...appLabels, "controller-revision-hash": hash, "pod-template-generation": "1" };
  const { pods, readyCount } = podsFor(
    ctx,
    plan,
    ds,
    labels,
    (i) => `${plan.name}-${nameSuffix(ctx, `${plan.namespace}/${plan.name}/pod/${i}`, 5)}`,
    plan.nodes,
  );
  const count = pods.length;
  ds.status = {
    desiredNumberScheduled: count,
    currentNumberScheduled: count,
    numberReady: readyCount,
    updatedNumberScheduled: count,
    numberAvailable: readyCount,
    numberUnavailable: count - readyCount || undefined,
    numberMisscheduled: 0,
    observedGeneration: 1,
  };
  return { owner: ds, pods, readyCount };
}
