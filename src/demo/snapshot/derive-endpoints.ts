import type { KubeObject } from "../../core/ports.js";

// biome-ignore lint/suspicious/noExplicitAny: snapshot objects are untyped JSON
type Loose = any;

const isReady = (pod: Loose) =>
  (pod.status?.conditions ?? []).some((c: Loose) => c.type === "Ready" && c.status === "True");

function selects(selector: Record<string, string>, pod: Loose): boolean {
  const labels = pod.metadata?.labels ?? {};
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

/** A Service's targetPort as a number: itself, or the container port of that name in the pod. */
function targetPort(port: Loose, pod: Loose): number | undefined {
  const target = port.targetPort ?? port.port;
  if (typeof target === "number") return target;
  for (const container of pod.spec?.containers ?? [])
    for (const p of container.ports ?? []) if (p.name === target) return p.containerPort;
  return undefined;
}

/**
 * `kubectl cluster-info dump` captures Services and Pods but no Endpoints; without them every Service
 * would look empty. The endpoints controller's rule rebuilds them: pods the selector matches, ready
 * ones as addresses, the rest as notReadyAddresses.
 */
export function deriveEndpoints(objects: KubeObject[]): KubeObject[] {
  const pods = (objects as Loose[]).filter((o) => o.kind === "Pod" && o.apiVersion === "v1");
  const derived: KubeObject[] = [];
  for (const service of objects as Loose[]) {
    if (service.kind !== "Service" || service.apiVersion !== "v1") continue;
    const selector = service.spec?.selector;
    if (!selector || Object.keys(selector).length === 0) continue;
    const members = pods.filter(
      (pod) =>
        pod.metadata.namespace === service.metadata.namespace && pod.status?.podIP && selects(selector, pod),
    );
    const address = (pod: Loose) => ({
      ip: pod.status.podIP,
      nodeName: pod.spec?.nodeName,
      targetRef: {
        kind: "Pod",
        namespace: pod.metadata.namespace,
        name: pod.metadata.name,
        uid: pod.metadata.uid,
      },
    });
    const ready = members.filter(isReady);
    const notReady = members.filter((pod) => !isReady(pod));
    const ports = (service.spec?.ports ?? []).map((port: Loose) => ({
      ...(port.name ? { name: port.name } : {}),
      port: members[0] ? (targetPort(port, members[0]) ?? port.port) : port.port,
      protocol: port.protocol ?? "TCP",
    }));
    const subset: Loose = { ports };
    if (ready.length > 0) subset.addresses = ready.map(address);
    if (notReady.length > 0) subset.notReadyAddresses = notReady.map(address);
    derived.push({
      apiVersion: "v1",
      kind: "Endpoints",
      metadata: {
        name: service.metadata.name,
        namespace: service.metadata.namespace,
        creationTimestamp: service.metadata.creationTimestamp,
        labels: service.metadata.labels,
      },
      subsets: members.length > 0 ? [subset] : [],
    } as KubeObject);
  }
  return derived;
}
