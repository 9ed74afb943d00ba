import type { NodeRef } from "./pod-factory.js";
import { addObject, ago, day, objectMeta, type SampleContext, uid } from "./sample-context.js";

export interface SampleNode extends NodeRef {
  role: "control-plane" | "worker";
  condition: "Ready" | "NotReady" | "MemoryPressure";
}

export const nodePlans: Omit<SampleNode, "ip" | "index">[] = [
  { name: "demo-control-plane", role: "control-plane", condition: "Ready" },
  { name: "demo-worker-1", role: "worker", condition: "Ready" },
  { name: "demo-worker-2", role: "worker", condition: "MemoryPressure" },
  { name: "demo-worker-3", role: "worker", condition: "NotReady" },
];

function conditions(ctx: SampleContext, node: SampleNode) {
  const since = ago(ctx, 40 * day);
  const heartbeat = ago(ctx, node.condition === "NotReady" ? 47 * 60 : 12);
  const make = (type: string, status: string, reason: string, message: string, changed = since) => ({
    type,
    status,
    lastHeartbeatTime: heartbeat,
    lastTransitionTime: changed,
    reason,
    message,
  });
  if (node.condition === "NotReady") {
    const lost = ago(ctx, 45 * 60);
    const unknown = (type: string) =>
      make(type, "Unknown", "NodeStatusUnknown", "Kubelet stopped posting node status.", lost);
    return [unknown("MemoryPressure"), unknown("DiskPressure"), unknown("PIDPressure"), unknown("Ready")];
  }
  const pressure = node.condition === "MemoryPressure";
  return [
    pressure
      ? make(
          "MemoryPressure",
          "True",
          "KubeletHasInsufficientMemory",
          "kubelet has insufficient memory available",
          ago(ctx, 25 * 60),
        )
      : make(
          "MemoryPressure",
          "False",
          "KubeletHasSufficientMemory",
          "kubelet has sufficient memory available",
        ),
    make("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
    make("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
    make("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
  ];
}

function taints(ctx: SampleContext, node: SampleNode) {
  if (node.role === "control-plane")
    return [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }];
  if (node.condition === "NotReady") {
    const at = ago(ctx, 44 * 60);
    return [
      { key: "node.kubernetes.io/unreachable", effect: "NoSchedule", timeAdded: at },
      { key: "node.kubernetes.io/unreachable", effect: "NoExecute", timeAdded: at },
    ];
  }
  if (node.condition === "MemoryPressure") {
    return [
      { key: "node.kubernetes.io/memory-pressure", effect: "NoSchedule", timeAdded: ago(ctx, 25 * 60) },
    ];
  }
  return undefined;
}

/** The nodes: a control plane, a healthy worker, one under memory pressure and one that stopped reporting. */
export function buildNodes(ctx: SampleContext): SampleNode[] {
  return nodePlans.map((plan, index) => {
    const node: SampleNode = { ...plan, index, ip: `172.18.0.${index + 2}` };
    const capacity = {
      cpu: node.role === "control-plane" ? "2" : "4",
      "ephemeral-storage": "102626232Ki",
      "hugepages-1Gi": "0",
      "hugepages-2Mi": "0",
      memory: node.role === "control-plane" ? "8130560Ki" : "16375040Ki",
      pods: "110",
    };
    const labels: Record<string, string> = {
      "beta.kubernetes.io/arch": "amd64",
      "beta.kubernetes.io/os": "linux",
      "kubernetes.io/arch": "amd64",
      "kubernetes.io/hostname": node.name,
      "kubernetes.io/os": "linux",
      "topology.kubernetes.io/zone": `eu-west-1${"abc"[index % 3]}`,
    };
    if (node.role === "control-plane") labels["node-role.kubernetes.io/control-plane"] = "";
    addObject(ctx, {
      apiVersion: "v1",
      kind: "Node",
      metadata: objectMeta(ctx, node.name, {
        labels,
        annotations: {
          "node.alpha.kubernetes.io/ttl": "0",
          "volumes.kubernetes.io/controller-managed-attach-detach": "true",
        },
        createdAgo: (node.condition === "NotReady" ? 30 : 45) * day,
      }),
      spec: {
        podCIDR: `10.244.${index}.0/24`,
        podCIDRs: [`10.244.${index}.0/24`],
        providerID: `kind://docker/demo/${node.name}`,
        taints: taints(ctx, node),
      },
      status: {
        capacity,
        allocatable: { ...capacity, memory: node.role === "control-plane" ? "7925760Ki" : "16170240Ki" },
        conditions: conditions(ctx, node),
        addresses: [
          { type: "InternalIP", address: node.ip },
          { type: "Hostname", address: node.name },
        ],
        daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
        nodeInfo: {
          machineID: uid(ctx).replaceAll("-", ""),
          systemUUID: uid(ctx),
          bootID: uid(ctx),
          kernelVersion: "6.1.0-28-cloud-amd64",
          osImage: "Debian GNU/Linux 12 (bookworm)",
          containerRuntimeVersion: "containerd://1.7.24",
          kubeletVersion: "v1.32.4",
          kubeProxyVersion: "v1.32.4",
          operatingSystem: "linux",
          architecture: "amd64",
        },
      },
    });
    return node;
  });
}
