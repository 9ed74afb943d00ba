import type { AnswerPart } from "../answer.js";
import { CodedError } from "../errors.js";
import { defineTool } from "./define-tool.js";
import { findNamedObject, namedObjectArgs, namedObjectFacts } from "./named-object.js";
import { DISCOVERY_RULE, readRule } from "./read-rules.js";
import { resolveKind } from "./resolve-kind.js";
import { availableOfDesired, rolloutProgress } from "./rollout/progress.js";
import { imagesOf, type Revision, revisionsOf } from "./rollout/revisions.js";
import { diffTemplates } from "./rollout/template-diff.js";
import { nowOf, shortAge } from "./time-format.js";
import { unreadyPodLines } from "./unready-pods.js";

const ROLLOUT_KINDS = ["deployments", "statefulsets", "daemonsets"];
const STATE_ZH = { complete: "已完成", progressing: "进行中", stuck: "卡住了" } as const;

/**
 * `kubectl rollout status` and `rollout history`: the state, the revisions newest first and what the last one changed.
 * Facts: { kind, name, namespace, state, reason?, revision?, revisions, changes: string[], rollback, headline,
 * headline_zh }.
 */
export const rolloutStatus = defineTool({
  name: "rollout_status",
  description:
    "Rollout status and history, and what the last revision changed (kubectl rollout status/history).",
  args: namedObjectArgs("deployments, statefulsets, daemonsets"),
  needs: [
    readRule("apps", ["deployments", "statefulsets", "daemonsets", "replicasets", "controllerrevisions"]),
    readRule("", ["pods"]),
    DISCOVERY_RULE,
  ],
  async run(context, args) {
    const type = await resolveKind(context.cluster, args.kind);
    if (!ROLLOUT_KINDS.includes(type.plural))
      throw new CodedError(
        "bad_request",
        `rollout_status reads ${ROLLOUT_KINDS.join(", ")}; ${type.plural} have no rollouts`,
      );
    const named = await findNamedObject(context, args);
    const workload = named.found.object;
    const namespace = workload.metadata.namespace;
    const pods = async () => context.cluster.list(await resolveKind(context.cluster, "pods"), { namespace });
    const revisions = await revisionsOf(context, workload, pods);
    const progress = rolloutProgress(workload);
    const nowMs = nowOf(context);
    const changes = revisions.length >= 2 ? diffTemplates(revisions[1].template, revisions[0].template) : [];
    const label = `${type.singular} ${workload.metadata.name}`;
    const latest = revisions[0];
    const parts: AnswerPart[] = [
      { type: "text", title: `Rollout of ${label}`, text: progress.message },
      revisionsTable(revisions, nowMs),
    ];
    if (revisions.length >= 2)
      parts.push({
        type: "text",
        title: `Revision ${revisions[0].number} compared with ${revisions[1].number}`,
        text: changes.length > 0 ? changes.map((change) => change.text).join("\n") : "No pod-template change",
      });
    const cause = latest?.changeCause ? ` (change-cause: ${latest.changeCause})` : "";
    const change =
      changes.length > 0 ? `; revision ${latest.number}${cause} changed ${changes[0].text}` : cause;
    const counts = availableOfDesired(workload);
    const short = progress.state !== "complete" && counts.available < counts.desired;
    const stuckWhy = `${progress.reason ? ` (${progress.reason})` : ""}${short ? `: ${counts.available} of ${counts.desired} pods available` : ""}`;
    const stuckWhyZh = `${progress.reason ? ` (${progress.reason})` : ""}${short ? `：${counts.desired} 个 Pod 中 ${counts.available} 个可用` : ""}`;
    // A stuck rollout's first question is why its new pods do not come up.
    const unready = short ? await unreadyPodLines(context, workload) : [];
    if (unready.length > 0) parts.push({ type: "text", title: "Pods not ready", text: unready.join("\n") });
    const failing = unready.length > 0 ? ` Not ready: ${unready.join("; ")}.` : "";
    const failingZh = unready.length > 0 ? `未就绪：${unready.join("；")}。` : "";
    return {
      parts,
      facts: {
        ...namedObjectFacts(named, workload, args.name),
        state: progress.state,
        ...(progress.reason ? { reason: progress.reason } : {}),
        ...(latest ? { revision: latest.number } : {}),
        revisions: revisions.length,
        changes: changes.map((entry) => entry.text),
        rollback: rollbackFacts(type.singular, workload.metadata.name, namespace, revisions),
        headline: `The rollout of ${label} is ${progress.state}${stuckWhy}${latest ? `, at revision ${latest.number} (${imagesOf(latest.template)})` : ""}${change}.${failing}`,
        headline_zh: `${label} 的发布${STATE_ZH[progress.state]}${stuckWhyZh}${latest ? `，当前版本 ${latest.number}（${imagesOf(latest.template)}）` : ""}${changes.length > 0 ? `；版本 ${latest.number}${cause} 的变更：${changes[0].text}` : cause}。${failingZh}`,
      },
      notes: [
        ...(named.found.note ? [named.found.note] : []),
        ...(revisions.length === 0
          ? [`The cluster keeps no revision history for ${label} (no ReplicaSets or ControllerRevisions)`]
          : []),
      ],
    };
  },
});

function revisionsTable(revisions: Revision[], nowMs: number): AnswerPart {
  return {
    type: "table",
    title: "Revisions (newest first)",
    // The object holding each revision: "the old replicaset" is asked for by name.
    columns: ["REVISION", "HELD BY", "AGE", "IMAGES", "CHANGE-CAUSE", "READY"],
    rows: revisions.map((revision) => [
      revision.number,
      revision.source,
      shortAge(revision.createdMs, nowMs),
      imagesOf(revision.template),
      revision.changeCause ?? "<none>",
      revision.desired === undefined ? "" : `${revision.ready ?? 0}/${revision.desired}`,
    ]),
  };
}

/**
 * "how would I roll back api-gateway? don't do it": the command that would, and the revision it would go back to
 * (none when only one revision is kept). A suggestion for the user to run; K8Helper never runs it.
 */
function rollbackFacts(
  singular: string,
  name: string,
  namespace: string | undefined,
  revisions: readonly Revision[],
): { command: string; toRevision?: number; toImages?: string } {
  const command = `kubectl rollout undo ${singular}/${name}${namespace ? ` -n ${namespace}` : ""}`;
  const previous = revisions[1];
  return previous
    ? { command, toRevision: previous.number, toImages: imagesOf(previous.template) }
    : { command };
}
