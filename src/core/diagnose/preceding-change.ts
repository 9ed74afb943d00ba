import type { Finding } from "../answer.js";
import type { KubeObject } from "../ports.js";
import { type EventObject, eventFirstTime } from "../tools/object-shapes.js";
import { controllerOf, isOwnedBy } from "../tools/ownership.js";
import type { PodTemplate } from "../tools/rollout/revisions.js";
import { diffTemplates } from "../tools/rollout/template-diff.js";
import { shortAge } from "../tools/time-format.js";
import type { ClusterSnapshot } from "./analyzer.js";

const REVISION = "deployment.kubernetes.io/revision";
/** A failure that starts this long after a rollout or sooner is laid at its door; later, something else may have. */
export const LINE_UP_MS = 30 * 60_000;
/** How the evidence line starts (the Slack first screen shows it as the change before the failure). */
export const CHANGE_PREFIX = "recent change: ";

/** A rollout that lines up with a failure, in both languages. */
export interface PrecedingChange {
  /** The finding's evidence line. */
  en: string;
  zh: string;
  /** For an answer's summary, which names the workload. */
  summaryEn: string;
  summaryZh: string;
}

interface Candidate {
  revision: number;
  owner: string;
  namespace?: string;
  revisionAtMs: number;
  failingAtMs: number;
  /** The start is the pod's first warning, not only its creation. */
  warned: boolean;
  changes: string[];
}

/**
 * The rollout behind a failing pod, linked by ownerReferences (pod → ReplicaSet → Deployment): its ReplicaSet is a
 * newer revision than another of the same Deployment, its pod template differs from that one, and the pod's trouble
 * (its first warning event, else its creation) began within LINE_UP_MS after the revision was created.
 */
export function precedingChange(
  finding: Finding,
  snapshot: ClusterSnapshot,
  nowMs: number,
): PrecedingChange | undefined {
  const candidates = podsOf(finding, snapshot)
    .map((pod) => candidateFor(pod, snapshot))
    .filter((candidate): candidate is Candidate => candidate !== undefined)
    .sort((a, b) => Number(b.warned) - Number(a.warned) || a.failingAtMs - b.failingAtMs);
  const first = candidates[0];
  if (!first) return undefined;
  const after = shortAge(first.revisionAtMs, first.failingAtMs);
  const ago = shortAge(first.revisionAtMs, nowMs);
  const what = first.changes.join("; ");
  const owner = `deployment/${first.owner}`;
  const workload = `${first.namespace ? `${first.namespace}/` : ""}${first.owner}`;
  return {
    summaryEn: `${workload} started failing ${after} after revision ${first.revision} (${ago} ago) changed ${what}`,
    summaryZh: `${workload} 的第 ${first.revision} 版（${chineseAge(ago)}前）变更了 ${what}，${chineseAge(after)}后开始失败`,
    en: `${CHANGE_PREFIX}started failing ${after} after revision ${first.revision} of ${owner} (${ago} ago) changed ${what}`,
    zh: `此前的变更：${owner} 的第 ${first.revision} 版（${chineseAge(ago)}前）变更了 ${what}，${chineseAge(after)}后开始失败`,
  };
}

/** Puts the change among the finding's evidence, where the suggestion that follows can still come last. */
export function addPrecedingChange(finding: Finding, change: PrecedingChange | undefined): void {
  if (change) finding.evidence.push(change.en);
}

function podsOf(finding: Finding, snapshot: ClusterSnapshot): KubeObject[] {
  const { kind, name, namespace } = finding.object;
  const inPlace = (object: KubeObject) => object.metadata.namespace === namespace;
  if (kind === "Pod") return snapshot.pods.filter((pod) => pod.metadata.name === name && inPlace(pod));
  if (kind !== "Deployment") return [];
  const deployment = snapshot.deployments.find((object) => object.metadata.name === name && inPlace(object));
  if (!deployment) return [];
  const sets = snapshot.replicasets.filter(
    (set) => inPlace(set) && isOwnedBy(set, withKind(deployment, "Deployment")),
  );
  return snapshot.pods.filter(
    (pod) => inPlace(pod) && sets.some((set) => isOwnedBy(pod, withKind(set, "ReplicaSet"))),
  );
}

function candidateFor(pod: KubeObject, snapshot: ClusterSnapshot): Candidate | undefined {
  const namespace = pod.metadata.namespace;
  const setRef = controllerOf(pod);
  if (setRef?.kind !== "ReplicaSet") return undefined;
  const set = snapshot.replicasets.find(
    (object) => object.metadata.name === setRef.name && object.metadata.namespace === namespace,
  );
  const ownerRef = set && controllerOf(set);
  if (!set || ownerRef?.kind !== "Deployment") return undefined;
  const revision = revisionOf(set);
  const siblings = snapshot.replicasets.filter(
    (object) =>
      object.metadata.namespace === namespace &&
      controllerOf(object)?.kind === "Deployment" &&
      controllerOf(object)?.name === ownerRef.name,
  );
  const previous = siblings
    .filter((object) => revisionOf(object) < revision && revisionOf(object) > 0)
    .sort((a, b) => revisionOf(b) - revisionOf(a))[0];
  if (!previous) return undefined;
  const revisionAtMs = Date.parse(set.metadata.creationTimestamp ?? "");
  const warnedAtMs = firstWarning(pod, snapshot.events);
  const failingAtMs = warnedAtMs ?? (Date.parse(pod.metadata.creationTimestamp ?? "") || 0);
  if (!revisionAtMs || !failingAtMs) return undefined;
  if (failingAtMs < revisionAtMs || failingAtMs - revisionAtMs > LINE_UP_MS) return undefined;
  const changes = diffTemplates(templateOf(previous), templateOf(set)).map((change) => change.text);
  if (changes.length === 0) return undefined;
  return {
    revision,
    owner: ownerRef.name,
    namespace,
    revisionAtMs,
    failingAtMs,
    warned: warnedAtMs !== undefined,
    changes,
  };
}

/** When the pod's first warning event happened, if it had one. */
function firstWarning(pod: KubeObject, events: readonly EventObject[]): number | undefined {
  const warnings = events
    .filter(
      (event) =>
        event.type === "Warning" &&
        event.involvedObject?.name === pod.metadata.name &&
        (event.involvedObject?.namespace ?? event.metadata.namespace) === pod.metadata.namespace,
    )
    .map(eventFirstTime)
    .filter((time) => time > 0);
  return warnings.length > 0 ? Math.min(...warnings) : undefined;
}

const CHINESE_UNITS: Record<string, string> = { s: " 秒", m: " 分钟", h: " 小时", d: " 天", y: " 年" };

/** kubectl's 58m as 58 分钟. */
function chineseAge(age: string): string {
  return age.replace(
    /^(\d+)([smhdy])$/,
    (_, value: string, unit: string) => `${value}${CHINESE_UNITS[unit]}`,
  );
}

function revisionOf(set: KubeObject): number {
  return Number(set.metadata.annotations?.[REVISION] ?? 0) || 0;
}

function templateOf(set: KubeObject): PodTemplate {
  return ((set.spec ?? {}) as { template?: PodTemplate }).template ?? {};
}

function withKind(object: KubeObject, kind: string): KubeObject {
  return object.kind ? object : { ...object, kind };
}
