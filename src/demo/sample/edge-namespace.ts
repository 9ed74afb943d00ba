import type { KubeObject } from "../../core/ports.js";
import { event, namespace, service } from "./cluster-objects.js";
import { setLog, timed } from "./log-texts.js";
import type { SampleNode } from "./nodes.js";
import { addObject, ago, day, minute, nameSuffix, objectMeta, type SampleContext } from "./sample-context.js";
import { deployment } from "./workloads.js";

const ns = "edge";
const registry = "registry.example.com/edge";
const http = [{ containerPort: 8080, name: "http", protocol: "TCP" }];
const resources = { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "256Mi" } };

const gatewayCrash = [
  'level=info msg="api-gateway 1.5.0 starting"',
  'level=info msg="loading /etc/gateway/upstream.yaml"',
  'level=error msg="upstream.timeout: unknown field in config (removed in 1.5.0, use upstream.deadline)"',
  "panic: invalid gateway configuration",
];

/**
 * edge: a recent change story and a name-prefix trap. `api` is healthy (scaled up 20 minutes ago); `api-gateway`
 * crash-loops since revision 2 (58 minutes ago) changed its image to 1.5.0, after a config edit 30 seconds before;
 * its back-off is reported as a series event (events.k8s.io: eventTime and series, no count). The namespace plants
 * no fault of the brief's list: that list is a contract of its own.
 */
export function buildEdge(ctx: SampleContext, nodes: SampleNode[]): KubeObject[] {
  namespace(ctx, ns, 30 * day, { team: "edge" });
  const workers = nodes.filter((node) => node.role === "worker" && node.condition !== "NotReady");
  const api = deployment(ctx, {
    namespace: ns,
    name: "api",
    replicas: 3,
    nodes: workers,
    createdAgo: 12 * day,
    podHealth: ["running", "running", "running"],
    containers: [{ name: "api", image: `${registry}/api:2.3.0`, ports: http, resources }],
  });
  api.owner.metadata.managedFields = [
    applied(ctx, 12 * day, { "f:spec": { "f:template": {}, "f:selector": {} } }),
    {
      manager: "kubectl",
      operation: "Update",
      apiVersion: "apps/v1",
      time: ago(ctx, 20 * minute),
      fieldsType: "FieldsV1",
      fieldsV1: { "f:spec": { "f:replicas": {} } },
    },
    statusWrite(ctx, 19 * minute),
  ];
  event(ctx, api.owner, {
    type: "Normal",
    reason: "ScalingReplicaSet",
    message: `Scaled up replica set ${api.replicaSet.metadata.name} to 3 from 2`,
    firstAgo: 20 * minute,
    component: "deployment-controller",
  });

  const gateway = deployment(ctx, {
    namespace: ns,
    name: "api-gateway",
    replicas: 2,
    nodes: workers,
    createdAgo: 58 * minute + 31,
    podHealth: ["crashloop", "crashloop"],
    restarts: [11, 10],
    containers: [{ name: "gateway", image: `${registry}/api-gateway:1.5.0`, ports: http, resources }],
  });
  rolledOut(ctx, gateway.owner, gateway.replicaSet, "1.4.2");
  for (const pod of gateway.pods)
    setLog(
      ctx,
      pod,
      "gateway",
      timed(ctx, gatewayCrash, 2 * minute, 1),
      timed(ctx, gatewayCrash, 7 * minute, 1),
    );
  const config = addObject(ctx, {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: objectMeta(ctx, "api-gateway-config", { namespace: ns, createdAgo: 30 * day }),
    data: { "upstream.yaml": "upstream:\n  timeout: 5s\n  retries: 2\n" },
  });
  config.metadata.managedFields = [
    applied(ctx, 30 * day, { "f:data": { ".": {}, "f:upstream.yaml": {} } }),
    {
      manager: "kubectl-edit",
      operation: "Update",
      apiVersion: "v1",
      time: ago(ctx, 59 * minute + 30),
      fieldsType: "FieldsV1",
      fieldsV1: { "f:data": { "f:upstream.yaml": {} } },
    },
  ];

  seriesEvent(
    ctx,
    gateway.pods[0],
    "BackOff",
    `Back-off restarting failed container gateway in pod ${gateway.pods[0].metadata.name}`,
    55 * minute,
    1 * minute,
    142,
    "kubelet",
  );

  const pods = [...api.pods, ...gateway.pods];
  for (const name of ["api", "api-gateway"])
    service(ctx, {
      namespace: ns,
      name,
      selector: { app: name },
      ports: [{ name: "http", port: 80, targetPort: 8080 }],
      createdAgo: 30 * day,
      pods,
    });
  return pods;
}

/** Revision 2 is the current ReplicaSet; revision 1, with the older image, is kept scaled to zero. */
function rolledOut(ctx: SampleContext, deploy: KubeObject, current: KubeObject, oldTag: string): void {
  deploy.metadata.creationTimestamp = ago(ctx, 30 * day);
  deploy.metadata.annotations = { ...deploy.metadata.annotations, "deployment.kubernetes.io/revision": "2" };
  const cause = `kubectl set image deployment/${deploy.metadata.name} gateway=${registry}/api-gateway:1.5.0`;
  current.metadata.annotations = {
    ...current.metadata.annotations,
    "deployment.kubernetes.io/revision": "2",
    "kubernetes.io/change-cause": cause,
  };
  deploy.metadata.managedFields = [
    applied(ctx, 30 * day, { "f:spec": { "f:template": {}, "f:selector": {} } }),
    {
      manager: "kubectl-set",
      operation: "Update",
      apiVersion: "apps/v1",
      time: ago(ctx, 58 * minute + 31),
      fieldsType: "FieldsV1",
      fieldsV1: { "f:spec": { "f:template": { "f:spec": {} } } },
    },
    statusWrite(ctx, 1 * minute),
  ];
  const hash = nameSuffix(ctx, `${ns}/${deploy.metadata.name}/rs/1`, 10);
  const template = structuredClone(
    (
      current.spec as {
        template: { metadata: { labels: Record<string, string> }; spec: { containers: { image: string }[] } };
      }
    ).template,
  );
  template.metadata.labels = { ...template.metadata.labels, "pod-template-hash": hash };
  template.spec.containers[0].image = `${registry}/api-gateway:${oldTag}`;
  const old = addObject(ctx, {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: objectMeta(ctx, `${deploy.metadata.name}-${hash}`, {
      namespace: ns,
      labels: template.metadata.labels,
      annotations: {
        "deployment.kubernetes.io/desired-replicas": "2",
        "deployment.kubernetes.io/revision": "1",
      },
      createdAgo: 30 * day - 1,
      owner: deploy,
    }),
    spec: {
      replicas: 0,
      selector: { matchLabels: { app: deploy.metadata.name, "pod-template-hash": hash } },
      template,
    },
    status: { replicas: 0, observedGeneration: 3 },
  });
  event(ctx, deploy, {
    type: "Normal",
    reason: "ScalingReplicaSet",
    message: `Scaled up replica set ${current.metadata.name} to 2`,
    firstAgo: 58 * minute + 30,
    component: "deployment-controller",
  });
  event(ctx, deploy, {
    type: "Normal",
    reason: "ScalingReplicaSet",
    message: `Scaled down replica set ${old.metadata.name} to 0 from 2`,
    firstAgo: 56 * minute,
    component: "deployment-controller",
  });
}

function applied(ctx: SampleContext, secondsAgo: number, fields: Record<string, unknown>) {
  return {
    manager: "kubectl-client-side-apply",
    operation: "Update",
    apiVersion: "apps/v1",
    time: ago(ctx, secondsAgo),
    fieldsType: "FieldsV1",
    fieldsV1: fields,
  };
}

function statusWrite(ctx: SampleContext, secondsAgo: number) {
  return {
    manager: "kube-controller-manager",
    operation: "Update",
    apiVersion: "apps/v1",
    time: ago(ctx, secondsAgo),
    fieldsType: "FieldsV1",
    fieldsV1: { "f:status": {} },
    subresource: "status",
  };
}

/** An events.k8s.io-style event as core/v1 serves it: eventTime and series, no first/last timestamps or count. */
function seriesEvent(
  ctx: SampleContext,
  pod: KubeObject,
  reason: string,
  message: string,
  firstAgo: number,
  lastAgo: number,
  count: number,
  controller = "default-scheduler",
): void {
  addObject(ctx, {
    apiVersion: "v1",
    kind: "Event",
    metadata: objectMeta(
      ctx,
      `${pod.metadata.name}.${nameSuffix(ctx, `${pod.metadata.name}/${reason}`, 16)}`,
      { namespace: ns, createdAgo: firstAgo },
    ),
    involvedObject: {
      kind: "Pod",
      namespace: ns,
      name: pod.metadata.name,
      uid: pod.metadata.uid,
      apiVersion: "v1",
    },
    reason,
    message,
    type: "Warning",
    source: {},
    firstTimestamp: null,
    lastTimestamp: null,
    eventTime: micro(ago(ctx, firstAgo)),
    series: { count, lastObservedTime: micro(ago(ctx, lastAgo)) },
    action: reason === "FailedScheduling" ? "Scheduling" : "Restarting",
    reportingComponent: controller,
    reportingInstance: `${controller}-demo-control-plane`,
  });
}

/** MicroTime, as events.k8s.io writes it: six fractional digits. */
function micro(stamp: string): string {
  return stamp.replace(/Z$/, ".000000Z");
}
