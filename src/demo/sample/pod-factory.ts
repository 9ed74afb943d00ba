import type { KubeObject } from "../../core/ports.js";
import { addObject, ago, objectMeta, randomHex, randomInt, type SampleContext } from "./sample-context.js";

export type PodHealth =
  | "running"
  | "crashloop"
  | "imagepull"
  | "oom"
  | "unschedulable"
  | "readiness-failing"
  | "completed"
  | "error";

export interface ContainerPlan {
  name: string;
  image: string;
  ports?: { containerPort: number; name?: string; protocol?: string }[];
  env?: { name: string; value?: string; valueFrom?: unknown }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  readinessProbe?: unknown;
  livenessProbe?: unknown;
  command?: string[];
  args?: string[];
}

export interface NodeRef {
  name: string;
  ip: string;
  /** Index of the node's pod CIDR, 10.244.<index>.0/24. */
  index: number;
}

export interface PodPlan {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  owner?: KubeObject;
  node?: NodeRef;
  containers: ContainerPlan[];
  health: PodHealth;
  createdAgo: number;
  restarts?: number;
  serviceAccountName?: string;
  restartPolicy?: string;
  /** PodScheduled=False message for an unschedulable pod. */
  schedulingMessage?: string;
  /** True for a pod on a node that stopped reporting: the node controller marks it not ready. */
  nodeLost?: boolean;
  /** The pod uses its node's network (kube-proxy): its IP is the node's. */
  hostNetwork?: boolean;
}

/** Pod IPs already handed out in a sample and the spare cursors: like real IPAM, no two pods share one. */
const podIps = new WeakMap<
  SampleContext,
  { used: Set<string>; cursor: Map<number, number>; overflow: number }
>();
const HOSTS_PER_BLOCK = 249;
/** Blocks from 10.244.128.0 on are no node's CIDR: a bulk-generated node with more pods than a /24 spills there. */
const OVERFLOW_BLOCK = 128;

/** The seeded draw in the node's /24 when it is free (a sample without clashes is unchanged), else the next spare. */
function allocatePodIp(ctx: SampleContext, node: NodeRef): string {
  const state = podIps.get(ctx) ?? {
    used: new Set<string>(),
    cursor: new Map<number, number>(),
    overflow: 0,
  };
  podIps.set(ctx, state);
  let ip = `10.244.${node.index}.${randomInt(ctx, 2, 250)}`;
  while (state.used.has(ip)) {
    const next = state.cursor.get(node.index) ?? 0;
    if (next < HOSTS_PER_BLOCK) {
      state.cursor.set(node.index, next + 1);
      ip = `10.244.${node.index}.${2 + next}`;
    } else {
      const block = OVERFLOW_BLOCK + Math.floor(state.overflow / HOSTS_PER_BLOCK);
      ip = `10.${244 + Math.floor(block / 256)}.${block % 256}.${2 + (state.overflow % HOSTS_PER_BLOCK)}`;
      state.overflow += 1;
    }
  }
  state.used.add(ip);
  return ip;
}

function condition(type: string, status: boolean, at: string, reason?: string, message?: string) {
  return {
    type,
    status: status ? "True" : "False",
    lastProbeTime: null,
    lastTransitionTime: at,
    reason,
    message,
  };
}

function mainState(ctx: SampleContext, plan: PodPlan, container: ContainerPlan, started: string) {
  const lastRun = (reason: string, exitCode: number, agoSeconds: number) => ({
    terminated: {
      exitCode,
      reason,
      startedAt: ago(ctx, agoSeconds + 40),
      finishedAt: ago(ctx, agoSeconds),
      containerID: `containerd://${randomHex(ctx, 64)}`,
    },
  });
  switch (plan.health) {
    case "crashloop":
      return {
        state: {
          waiting: {
            reason: "CrashLoopBackOff",
            message: `back-off 5m0s restarting failed container=${container.name} pod=${plan.name}_${plan.namespace}`,
          },
        },
        lastState: lastRun("Error", 1, randomInt(ctx, 60, 280)),
        ready: false,
      };
    case "oom": {
      const oom = lastRun("OOMKilled", 137, randomInt(ctx, 5, 50));
      return { state: oom, lastState: lastRun("OOMKilled", 137, randomInt(ctx, 300, 600)), ready: false };
    }
    case "imagepull":
      return {
        state: {
          waiting: { reason: "ImagePullBackOff", message: `Back-off pulling image "${container.image}"` },
        },
        lastState: {},
        ready: false,
      };
    case "completed":
      return { state: lastRun("Completed", 0, plan.createdAgo - 95), lastState: {}, ready: false };
    case "error":
      return { state: lastRun("Error", 1, plan.createdAgo - 30), lastState: {}, ready: false };
    default:
      return {
        state: { running: { startedAt: started } },
        lastState: {},
        ready: plan.health === "running" && !plan.nodeLost,
      };
  }
}

function containerStatuses(ctx: SampleContext, plan: PodPlan, started: string) {
  return plan.containers.map((container, i) => {
    const main = i === 0;
    const status = main
      ? mainState(ctx, plan, container, started)
      : { state: { running: { startedAt: started } }, lastState: {}, ready: !plan.nodeLost };
    const pulled = !(main && plan.health === "imagepull");
    const restarts = main ? (plan.restarts ?? 0) : 0;
    return {
      name: container.name,
      state: status.state,
      lastState: status.lastState,
      ready: status.ready,
      restartCount: restarts,
      image: container.image,
      imageID: pulled ? `${container.image.split(":")[0]}@sha256:${randomHex(ctx, 64)}` : "",
      containerID: pulled ? `containerd://${randomHex(ctx, 64)}` : undefined,
      started: "running" in status.state,
    };
  });
}

function phaseOf(health: PodHealth): string {
  if (health === "unschedulable" || health === "imagepull") return "Pending";
  if (health === "completed") return "Succeeded";
  if (health === "error") return "Failed";
  return "Running";
}

function podStatus(ctx: SampleContext, plan: PodPlan): Record<string, unknown> {
  const created = ago(ctx, plan.createdAgo);
  const started = ago(ctx, Math.max(plan.createdAgo - 4, 1));
  if (!plan.node) {
    const message = plan.schedulingMessage ?? "0/4 nodes are available.";
    return {
      phase: "Pending",
      conditions: [condition("PodScheduled", false, created, "Unschedulable", message)],
      qosClass: qos(plan),
    };
  }
  const statuses = containerStatuses(ctx, plan, started);
  const allReady = statuses.every((s) => s.ready);
  const notReady = statuses.filter((s) => !s.ready).map((s) => s.name);
  const terminal = plan.health === "completed" || plan.health === "error";
  const readyReason = terminal
    ? plan.health === "completed"
      ? "PodCompleted"
      : "PodFailed"
    : "ContainersNotReady";
  const readyMessage = terminal ? undefined : `containers with unready status: [${notReady.join(" ")}]`;
  const ip = plan.hostNetwork ? plan.node.ip : allocatePodIp(ctx, plan.node);
  return {
    phase: phaseOf(plan.health),
    conditions: [
      condition("PodReadyToStartContainers", !terminal, started),
      condition("Initialized", true, created, terminal ? "PodCompleted" : undefined),
      allReady
        ? condition("Ready", true, started)
        : condition("Ready", false, started, readyReason, readyMessage),
      allReady
        ? condition("ContainersReady", true, started)
        : condition("ContainersReady", false, started, readyReason, readyMessage),
      condition("PodScheduled", true, created),
    ],
    hostIP: plan.node.ip,
    hostIPs: [{ ip: plan.node.ip }],
    podIP: ip,
    podIPs: [{ ip }],
    startTime: created,
    containerStatuses: statuses,
    qosClass: qos(plan),
  };
}

function qos(plan: PodPlan): string {
  const resources = plan.containers.map((c) => c.resources);
  if (resources.every((r) => !r?.requests && !r?.limits)) return "BestEffort";
  const guaranteed = resources.every(
    (r) =>
      r?.limits?.cpu &&
      r.limits.memory &&
      (!r.requests || (r.requests.cpu === r.limits.cpu && r.requests.memory === r.limits.memory)),
  );
  return guaranteed ? "Guaranteed" : "Burstable";
}

const defaultTolerations = [
  { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
  { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
];

/** The defaults the API server fills into a probe. */
function withProbeDefaults(probe: unknown): unknown {
  if (!probe) return undefined;
  return {
    timeoutSeconds: 1,
    periodSeconds: 10,
    successThreshold: 1,
    failureThreshold: 3,
    ...(probe as object),
  };
}

export function buildPod(ctx: SampleContext, plan: PodPlan): KubeObject {
  const tokenVolume = `kube-api-access-${randomHex(ctx, 5)}`;
  const spec: Record<string, unknown> = {
    containers: plan.containers.map((c) => ({
      ...c,
      readinessProbe: withProbeDefaults(c.readinessProbe),
      livenessProbe: withProbeDefaults(c.livenessProbe),
      imagePullPolicy: "IfNotPresent",
      terminationMessagePath: "/dev/termination-log",
      terminationMessagePolicy: "File",
      volumeMounts: [
        { name: tokenVolume, readOnly: true, mountPath: "/var/run/secrets/kubernetes.io/serviceaccount" },
      ],
    })),
    restartPolicy: plan.restartPolicy ?? "Always",
    terminationGracePeriodSeconds: 30,
    dnsPolicy: plan.hostNetwork ? "ClusterFirstWithHostNet" : "ClusterFirst",
    ...(plan.hostNetwork ? { hostNetwork: true } : {}),
    serviceAccountName: plan.serviceAccountName ?? "default",
    nodeName: plan.node?.name,
    schedulerName: "default-scheduler",
    enableServiceLinks: true,
    priority: 0,
    preemptionPolicy: "PreemptLowerPriority",
    tolerations: defaultTolerations,
    volumes: [
      {
        name: tokenVolume,
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
            { configMap: { name: "kube-root-ca.crt", items: [{ key: "ca.crt", path: "ca.crt" }] } },
          ],
        },
      },
    ],
  };
  const metadata = objectMeta(ctx, plan.name, { ...plan, createdAgo: plan.createdAgo });
  return addObject(ctx, { apiVersion: "v1", kind: "Pod", metadata, spec, status: podStatus(ctx, plan) });
}
