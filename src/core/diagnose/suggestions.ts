import type { Finding } from "../answer.js";
import type { KubeObject } from "../ports.js";
import { isOwnedBy } from "../tools/ownership.js";
import type { ClusterSnapshot } from "./analyzer.js";
import { CONFIG_READ_PREFIX } from "./log-evidence.js";

/** How the evidence line starts: the command is for the user to copy; K8Helper itself only reads. */
export const SUGGESTION_PREFIX = "Suggested next step (not run by K8Helper): ";

type Suggest = (finding: Finding, where: string, snapshot: ClusterSnapshot) => string | undefined;

const describe =
  (kind: string): Suggest =>
  (finding, where) =>
    `kubectl describe ${kind} ${finding.object.name}${where}`;

const rolloutStatus =
  (kind: string): Suggest =>
  (finding, where) =>
    `kubectl rollout status ${kind}/${finding.object.name}${where}`;

const BY_REASON: Record<string, Suggest> = {
  // The log already shown names the ConfigMap it read its config from: that is the next thing to look at.
  CrashLoopBackOff: (finding, where) => {
    const config = finding.evidence
      .find((line) => line.startsWith(CONFIG_READ_PREFIX))
      ?.slice(CONFIG_READ_PREFIX.length)
      .split(" ")[0];
    return config
      ? `kubectl describe configmap ${config}${where}`
      : `kubectl logs ${finding.object.name}${where}${container(finding)} --previous`;
  },
  ImagePullBackOff: describe("pod"),
  OOMKilled: (finding, where, snapshot) => {
    const owner = topOwner(snapshot, finding);
    const limit = /limit (\S+?)\)/.exec(finding.message)?.[1];
    const raised = limit ? doubled(limit) : undefined;
    return owner && raised
      ? `kubectl set resources ${owner}${where}${container(finding, "-c")} --limits=memory=${raised}`
      : `kubectl describe pod ${finding.object.name}${where}`;
  },
  Unschedulable: describe("pod"),
  ReadinessProbeFailed: (finding, where) =>
    `kubectl logs ${finding.object.name}${where}${container(finding)}`,
  ContainerNotReady: (finding, where) => `kubectl logs ${finding.object.name}${where}${container(finding)}`,
  LivenessProbeFailed: (finding, where) =>
    `kubectl logs ${finding.object.name}${where}${container(finding)} --previous`,
  NodeNotReady: describe("node"),
  MemoryPressure: describe("node"),
  DiskPressure: describe("node"),
  PIDPressure: describe("node"),
  NetworkUnavailable: describe("node"),
  PodOnNotReadyNode: (finding, _where, snapshot) => {
    const pod = snapshot.pods.find(
      (candidate) =>
        candidate.metadata.name === finding.object.name &&
        candidate.metadata.namespace === finding.object.namespace,
    );
    const node = (pod?.spec as { nodeName?: string } | undefined)?.nodeName;
    return node ? `kubectl describe node ${node}` : undefined;
  },
  DeploymentUnavailable: (finding, where, snapshot) => {
    const deployment = snapshot.deployments.find(
      (candidate) =>
        candidate.metadata.name === finding.object.name &&
        candidate.metadata.namespace === finding.object.namespace,
    );
    const revisions = deployment
      ? snapshot.replicasets.filter((set) => isOwnedBy(set, deployment)).length
      : 0;
    const stuck = finding.evidence.some((line) => line.includes("ProgressDeadlineExceeded"));
    return stuck && revisions > 1
      ? `kubectl rollout undo deployment/${finding.object.name}${where}`
      : `kubectl rollout status deployment/${finding.object.name}${where}`;
  },
  StatefulSetUnavailable: rolloutStatus("statefulset"),
  DaemonSetUnavailable: rolloutStatus("daemonset"),
  JobFailed: (finding, where) => `kubectl logs job/${finding.object.name}${where}`,
  CronJobSuspended: describe("cronjob"),
  CronJobNeverRan: describe("cronjob"),
  CronJobMissedSchedule: describe("cronjob"),
  CronJobFailing: (finding, where) => {
    const job = /last job (\S+) failed/.exec(finding.message)?.[1];
    return job
      ? `kubectl logs job/${job}${where}`
      : `kubectl describe cronjob ${finding.object.name}${where}`;
  },
  PVCPending: describe("pvc"),
  ServiceNoEndpoints: (finding, where) =>
    `kubectl get endpointslices${where} -l kubernetes.io/service-name=${finding.object.name}`,
};

/** Ends the finding with the kubectl command an engineer would run next, as text; nothing here reaches the cluster. */
export function addSuggestion(finding: Finding, snapshot: ClusterSnapshot): void {
  const where = finding.object.namespace ? ` -n ${finding.object.namespace}` : "";
  const command = (BY_REASON[finding.reason] ?? describe(finding.object.kind.toLowerCase()))(
    finding,
    where,
    snapshot,
  );
  if (command) finding.evidence.push(`${SUGGESTION_PREFIX}${command}`);
}

function container(finding: Finding, flag = "-c"): string {
  const name = /^Container (\S+)/.exec(finding.message)?.[1];
  return name ? ` ${flag} ${name}` : "";
}

/** The pod's top controller through ownerReferences, as kubectl writes it: `deployment/ledger`. */
function topOwner(snapshot: ClusterSnapshot, finding: Finding): string | undefined {
  const all: KubeObject[] = [
    ...snapshot.replicasets,
    ...snapshot.deployments,
    ...snapshot.statefulsets,
    ...snapshot.daemonsets,
  ];
  let reference = snapshot.pods.find(
    (pod) => pod.metadata.name === finding.object.name && pod.metadata.namespace === finding.object.namespace,
  )?.metadata.ownerReferences?.[0];
  let found: string | undefined;
  for (let depth = 0; reference && depth < 3; depth++) {
    found = `${reference.kind.toLowerCase()}/${reference.name}`;
    const ref = reference;
    const owner = all.find((object) => object.kind === ref.kind && object.metadata.name === ref.name);
    reference = owner?.metadata.ownerReferences?.[0];
  }
  return found;
}

/** 512Mi → 1Gi, 300Mi → 600Mi: a starting point the engineer adjusts. */
function doubled(quantity: string): string | undefined {
  const match = /^(\d+)(Mi|Gi|Ki)?$/.exec(quantity);
  if (!match) return undefined;
  const value = Number(match[1]) * 2;
  if (match[2] === "Mi" && value % 1024 === 0) return `${value / 1024}Gi`;
  return `${value}${match[2] ?? ""}`;
}

// A workload below its replicas is the symptom; its pod's finding holds the cause and the better next command.
const SYMPTOM_KINDS = new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Service"]);

/** The command suggested for the first cause that has one (findings are sorted, the most severe first). */
export function firstSuggestion(findings: readonly Finding[]): string | undefined {
  const causes = findings.filter((finding) => !SYMPTOM_KINDS.has(finding.object.kind));
  for (const finding of [...causes, ...findings]) {
    const line = finding.evidence.find((entry) => entry.startsWith(SUGGESTION_PREFIX));
    if (line) return line.slice(SUGGESTION_PREFIX.length);
  }
  return undefined;
}
