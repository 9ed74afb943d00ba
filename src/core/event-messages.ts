/**
 * Messages Kubernetes writes into events and conditions, by the kind of object they are about. A message pasted
 * without its object ("0/4 nodes are available: 3 Insufficient cpu — what does this mean?") is a question about
 * whichever objects of that kind have the problem.
 */
export interface EventMessage {
  pattern: RegExp;
  kind: string;
  /** What Kubernetes calls it. */
  reason: string;
  /** The reasons of the diagnosis findings it shows as. */
  findings: string[];
}

const MESSAGES: EventMessage[] = [
  {
    pattern:
      /\b\d+\/\d+ nodes are available\b|\binsufficient (?:cpu|memory|ephemeral-storage|nvidia\.com\/gpu)\b|\bunbound immediate persistentvolumeclaims\b|\bhad untolerated taint|didn'?t match pod'?s node (?:affinity|selector)|\bfailedscheduling\b/i,
    kind: "pods",
    reason: "FailedScheduling",
    findings: ["Unschedulable"],
  },
  {
    pattern: /back-?off restarting failed container/i,
    kind: "pods",
    reason: "BackOff",
    findings: ["CrashLoopBackOff"],
  },
  {
    pattern: /\bfailed to pull image\b|back-?off pulling image|\berrimagepull\b|\bmanifest unknown\b/i,
    kind: "pods",
    reason: "image pull",
    findings: ["ImagePullBackOff"],
  },
  {
    pattern: /\b(?:readiness|liveness|startup) probe failed\b/i,
    kind: "pods",
    reason: "Unhealthy",
    findings: ["ReadinessProbeFailed", "LivenessProbeFailed"],
  },
  {
    pattern: /reached the specified backoff limit|\bbackofflimitexceeded\b/i,
    kind: "jobs",
    reason: "BackoffLimitExceeded",
    findings: ["JobFailed"],
  },
  {
    pattern: /exceeded its progress deadline|has timed out progressing|\bprogressdeadlineexceeded\b/i,
    kind: "deployments",
    reason: "ProgressDeadlineExceeded",
    findings: ["ProgressDeadlineExceeded", "DeploymentUnavailable"],
  },
  {
    pattern:
      /kubelet stopped posting node status|node\.kubernetes\.io\/(?:unreachable|not-ready|memory-pressure|disk-pressure)|\bevictionthresholdmet\b|the node was low on resource/i,
    kind: "nodes",
    reason: "node condition",
    findings: ["NodeNotReady", "MemoryPressure", "DiskPressure", "PodOnNotReadyNode"],
  },
  {
    pattern:
      /storageclass\.storage\.k8s\.io "[^"]*" not found|waiting for a volume to be created|\bprovisioningfailed\b/i,
    kind: "persistentvolumeclaims",
    reason: "ProvisioningFailed",
    findings: ["PVCPending"],
  },
];

/** The first message Kubernetes writes that the text holds, if any. */
export function eventMessageIn(text: string): EventMessage | undefined {
  return MESSAGES.find((entry) => entry.pattern.test(text));
}

/** Every message the text holds: a scheduling failure that quotes a node's taint is about the pod and the node. */
export function eventMessagesIn(text: string): EventMessage[] {
  return MESSAGES.filter((entry) => entry.pattern.test(text));
}
