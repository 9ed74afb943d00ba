import type { KubeObject } from "../../core/ports.js";
import { addObject, ago, objectMeta, type SampleContext } from "./sample-context.js";

export function namespace(
  ctx: SampleContext,
  name: string,
  createdAgo: number,
  labels: Record<string, string> = {},
): KubeObject {
  addObject(ctx, {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: objectMeta(ctx, "kube-root-ca.crt", {
      namespace: name,
      createdAgo,
      annotations: {
        "kubernetes.io/description":
          "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.",
      },
    }),
    data: {
      "ca.crt":
        "-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIDemoClusterCAwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UE\n-----END CERTIFICATE-----\n",
    },
  });
  serviceAccount(ctx, name, "default", createdAgo);
  return addObject(ctx, {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: objectMeta(ctx, name, {
      labels: { "kubernetes.io/metadata.name": name, ...labels },
      createdAgo,
    }),
    spec: { finalizers: ["kubernetes"] },
    status: { phase: "Active" },
  });
}

export function serviceAccount(ctx: SampleContext, ns: string, name: string, createdAgo: number): KubeObject {
  return addObject(ctx, {
    apiVersion: "v1",
    kind: "ServiceAccount",
    metadata: objectMeta(ctx, name, { namespace: ns, createdAgo }),
  });
}

export function configMap(
  ctx: SampleContext,
  ns: string,
  name: string,
  data: Record<string, string>,
  createdAgo: number,
  labels?: Record<string, string>,
): KubeObject {
  return addObject(ctx, {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: objectMeta(ctx, name, { namespace: ns, createdAgo, labels }),
    data,
  });
}

/** A Secret; the RBAC rules never let a client read it, which the canaries in it prove. */
export function secret(
  ctx: SampleContext,
  ns: string,
  name: string,
  values: Record<string, string>,
  createdAgo: number,
  type = "Opaque",
): KubeObject {
  const data = Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, Buffer.from(v).toString("base64")]),
  );
  return addObject(ctx, {
    apiVersion: "v1",
    kind: "Secret",
    metadata: objectMeta(ctx, name, { namespace: ns, createdAgo }),
    type,
    data,
  });
}

export interface EventPlan {
  type: "Normal" | "Warning";
  reason: string;
  message: string;
  component: string;
  host?: string;
  count?: number;
  firstAgo: number;
  lastAgo?: number;
  fieldPath?: string;
}

/** A core/v1 Event about an object, named as the API server names them (`<object>.<hex>`). */
export function event(ctx: SampleContext, involved: KubeObject, plan: EventPlan): KubeObject {
  const hex = Array.from({ length: 16 }, () => Math.floor(ctx.random() * 16).toString(16)).join("");
  const lastAgo = plan.lastAgo ?? plan.firstAgo;
  const ns = involved.metadata.namespace ?? "default";
  return addObject(ctx, {
    apiVersion: "v1",
    kind: "Event",
    metadata: objectMeta(ctx, `${involved.metadata.name}.${hex}`, { namespace: ns, createdAgo: lastAgo }),
    involvedObject: {
      kind: involved.kind,
      namespace: involved.metadata.namespace,
      name: involved.metadata.name,
      uid: involved.metadata.uid,
      apiVersion: involved.apiVersion,
      resourceVersion: involved.metadata.resourceVersion,
      fieldPath: plan.fieldPath,
    },
    reason: plan.reason,
    message: plan.message,
    source: { component: plan.component, host: plan.host },
    firstTimestamp: ago(ctx, plan.firstAgo),
    lastTimestamp: ago(ctx, lastAgo),
    count: plan.count ?? 1,
    type: plan.type,
    eventTime: null,
    reportingComponent: plan.component,
    reportingInstance: plan.host ?? "",
  });
}

export interface ServicePort {
  name?: string;
  port: number;
  targetPort?: number;
  protocol?: string;
  nodePort?: number;
}

export interface ServicePlan {
  namespace: string;
  name: string;
  selector?: Record<string, string>;
  ports: ServicePort[];
  type?: "ClusterIP" | "NodePort" | "LoadBalancer";
  clusterIP?: string;
  loadBalancerIP?: string;
  createdAgo: number;
  /** Pods of the namespace: the Endpoints list the ready ones as addresses, the rest as not ready. */
  pods: KubeObject[];
}

function selects(selector: Record<string, string>, pod: KubeObject): boolean {
  return Object.entries(selector).every(([k, v]) => pod.metadata.labels?.[k] === v);
}

// biome-ignore lint/suspicious/noExplicitAny: sample pods are untyped JSON
type LoosePod = any;

/** A Service and the Endpoints object its selector produces from the pods. */
export function service(
  ctx: SampleContext,
  plan: ServicePlan,
): { service: KubeObject; endpoints: KubeObject } {
  const clusterIP =
    plan.clusterIP ?? `10.96.${Math.floor(ctx.random() * 250) + 1}.${Math.floor(ctx.random() * 250) + 1}`;
  const labels = { app: plan.name };
  const svc = addObject(ctx, {
    apiVersion: "v1",
    kind: "Service",
    metadata: objectMeta(ctx, plan.name, { namespace: plan.namespace, labels, createdAgo: plan.createdAgo }),
    spec: {
      type: plan.type ?? "ClusterIP",
      clusterIP,
      clusterIPs: [clusterIP],
      selector: plan.selector,
      ports: plan.ports.map((p) => ({
        ...p,
        protocol: p.protocol ?? "TCP",
        targetPort: p.targetPort ?? p.port,
      })),
      sessionAffinity: "None",
      ipFamilies: ["IPv4"],
      ipFamilyPolicy: "SingleStack",
      internalTrafficPolicy: "Cluster",
    },
    status: {
      loadBalancer: plan.loadBalancerIP ? { ingress: [{ ip: plan.loadBalancerIP, ipMode: "VIP" }] } : {},
    },
  });
  const matching: LoosePod[] = plan.selector
    ? plan.pods.filter((p) => selects(plan.selector!, p) && (p as LoosePod).status?.podIP)
    : [];
  const address = (pod: LoosePod) => ({
    ip: pod.status.podIP,
    nodeName: pod.spec.nodeName,
    targetRef: {
      kind: "Pod",
      namespace: pod.metadata.namespace,
      name: pod.metadata.name,
      uid: pod.metadata.uid,
    },
  });
  const isReady = (pod: LoosePod) =>
    pod.status.conditions.some((c: LoosePod) => c.type === "Ready" && c.status === "True");
  const ready = matching.filter(isReady).map(address);
  const notReady = matching.filter((p) => !isReady(p)).map(address);
  const ports = plan.ports.map((p) => ({
    name: p.name,
    port: p.targetPort ?? p.port,
    protocol: p.protocol ?? "TCP",
  }));
  const subsets =
    matching.length === 0
      ? undefined
      : [
          {
            addresses: ready.length ? ready : undefined,
            notReadyAddresses: notReady.length ? notReady : undefined,
            ports,
          },
        ];
  const endpoints = addObject(ctx, {
    apiVersion: "v1",
    kind: "Endpoints",
    metadata: objectMeta(ctx, plan.name, {
      namespace: plan.namespace,
      labels,
      createdAgo: plan.createdAgo,
      annotations: { "endpoints.kubernetes.io/last-change-trigger-time": ago(ctx, 600) },
    }),
    subsets,
  });
  return { service: svc, endpoints };
}
