import { z } from "zod";
import type { AnswerPart } from "../answer.js";
import type { ResourceType } from "../ports.js";
import type { ChangeEntry } from "./changes/change-entry.js";
import { containerChanges } from "./changes/container-changes.js";
import { eventChanges } from "./changes/event-changes.js";
import { managedFieldChanges } from "./changes/managed-field-changes.js";
import { nodeChanges } from "./changes/node-changes.js";
import { readChanges } from "./changes/read-changes.js";
import { currentRevision, revisionChanges } from "./changes/revision-changes.js";
import { defineTool } from "./define-tool.js";
import { ensureNamespaceExists, NAMESPACE_READ_RULE } from "./namespace-exists.js";
import { describeTarget, namespaceTarget } from "./namespace-scope.js";
import { DISCOVERY_RULE, readRule } from "./read-rules.js";
import { resolveKind } from "./resolve-kind.js";
import { notFound } from "./resolve-name.js";
import { sinceSecondsArg, windowText } from "./since-seconds.js";
import { nowOf, shortAge } from "./time-format.js";

export const DEFAULT_CHANGES_WINDOW_SECONDS = 3600;
const MAX_ROWS = 200;

/**
 * What changed, newest first, from what the cluster already keeps (revisions, managedFields, container states,
 * node conditions, events). Facts: { count, since_seconds, aspects: {aspect: count}, latest?, namespace?, headline, headline_zh }.
 */
export const recentChanges = defineTool({
  name: "recent_changes",
  description:
    "What changed, newest first: revisions, scaling, edits, restarts, node conditions, first warnings.",
  args: z.object({
    namespace: z.string().min(1).optional().describe("Namespace"),
    all_namespaces: z.boolean().optional().describe("Every namespace"),
    kind: z.string().min(1).optional().describe("Only this kind"),
    name: z.string().min(1).optional().describe("Only this object and what it owns"),
    since_seconds: sinceSecondsArg("Window in seconds (default 3600)"),
  }),
  needs: [
    readRule("apps", ["deployments", "statefulsets", "daemonsets", "replicasets", "controllerrevisions"]),
    readRule("batch", ["cronjobs"]),
    readRule("", ["pods", "nodes", "events", "configmaps", "services"]),
    readRule("autoscaling", ["horizontalpodautoscalers"]),
    DISCOVERY_RULE,
    NAMESPACE_READ_RULE,
  ],
  async run(context, args) {
    const kind = args.kind ? await resolveKind(context.cluster, args.kind) : undefined;
    const target = namespaceTarget(context, undefined, args);
    const snapshot = await readChanges(context, target);
    if (snapshot.pods.length + snapshot.workloads.length + snapshot.configured.length === 0)
      await ensureNamespaceExists(context, target);
    const nowMs = nowOf(context);
    const seconds = args.since_seconds ?? DEFAULT_CHANGES_WINDOW_SECONDS;
    const window = { fromMs: nowMs - seconds * 1000, nowMs };
    let entries = [
      ...revisionChanges(snapshot, window),
      ...managedFieldChanges(snapshot, window),
      ...eventChanges(snapshot, window),
      ...containerChanges(snapshot, window),
      ...nodeChanges(snapshot, window),
    ];
    if (kind) entries = entries.filter((entry) => entry.kind === kind.kind);
    const where = describeTarget(target);
    // "did checkout get a new deploy?": when nothing changed, the revision it still runs and how old it is.
    let since: { number: number; atMs: number; what: string } | undefined;
    if (args.name) {
      // A named object that exists but changed nothing in the window is an answer (no changes), not "not found".
      const name = args.name;
      const mentioned = entries.some((entry) => entry.about.some((about) => about.startsWith(name)));
      const read = [...snapshot.workloads, ...snapshot.pods, ...snapshot.configured];
      const readOne = read.some(
        (object) =>
          (!kind || object.kind === kind.kind) &&
          (object.metadata.name === name || object.metadata.name.startsWith(`${name}-`)),
      );
      const unchanged =
        !mentioned &&
        (readOne || (kind !== undefined && (await objectExists(context, kind, name, target.namespace))));
      entries = unchanged ? [] : aboutName(entries, args.name, where);
      if (unchanged) since = currentRevision(snapshot, name);
      // "what changed on api-gateway": with no window said, its last rollout counts even when a little older.
      const lastRollout =
        args.since_seconds === undefined ? olderRollout(snapshot, name, entries, nowMs) : undefined;
      if (lastRollout) {
        entries.push(lastRollout);
        since = undefined;
      }
    }
    entries.sort((a, b) => b.atMs - a.atMs);
    const window_ = windowText(seconds);
    return {
      parts: [timeline(entries.slice(0, MAX_ROWS), nowMs, `Changes${where} in the last ${window_.en}`)],
      facts: {
        count: entries.length,
        since_seconds: seconds,
        aspects: countBy(entries),
        ...(entries[0]
          ? { latest: `${entries[0].kind.toLowerCase()}/${entries[0].name}: ${entries[0].what}` }
          : {}),
        ...(target.namespace ? { namespace: target.namespace } : {}),
        ...(since ? { currentRevision: since.number, currentRevisionAge: shortAge(since.atMs, nowMs) } : {}),
        headline: headline(entries, where, window_.en) + unchangedSince(args.name, since, nowMs, "en"),
        headline_zh: headlineZh(entries, where, window_.zh) + unchangedSince(args.name, since, nowMs, "zh"),
      },
      notes: [
        ...(entries.length > MAX_ROWS ? [`${entries.length - MAX_ROWS} older changes not shown`] : []),
        ...(entries.length === 0 ? [`No changes${where} in the last ${window_.en}`] : []),
      ],
    };
  },
});

async function objectExists(
  context: { cluster: { get(type: ResourceType, name: string, namespace?: string): Promise<unknown> } },
  type: ResourceType,
  name: string,
  namespace: string | undefined,
): Promise<boolean> {
  try {
    await context.cluster.get(type, name, type.namespaced ? namespace : undefined);
    return true;
  } catch {
    return false;
  }
}

/** The named object's newest rollout before the window, when the window holds none of its rollouts. */
function olderRollout(
  snapshot: Parameters<typeof revisionChanges>[0],
  name: string,
  entries: readonly ChangeEntry[],
  nowMs: number,
): ChangeEntry | undefined {
  if (entries.some((entry) => entry.aspect === "rollout")) return undefined;
  const rollouts = revisionChanges(snapshot, { fromMs: 0, nowMs }).filter(
    (entry) => entry.aspect === "rollout" && entry.about.includes(name),
  );
  return rollouts.sort((a, b) => b.atMs - a.atMs)[0];
}

function aboutName(entries: ChangeEntry[], name: string, where: string): ChangeEntry[] {
  const exact = entries.filter((entry) => entry.about.includes(name));
  if (exact.length > 0) return exact;
  const prefixed = entries.filter((entry) => entry.about.some((about) => about.startsWith(name)));
  if (prefixed.length > 0) return prefixed;
  throw notFound(name, [...new Set(entries.flatMap((entry) => entry.about))], {
    what: "object with recent changes",
    where,
  });
}

function timeline(entries: ChangeEntry[], nowMs: number, title: string): AnswerPart {
  return {
    type: "table",
    title,
    columns: ["AGE", "CHANGE", "OBJECT", "WHAT", "BY"],
    rows: entries.map((entry) => [
      shortAge(entry.atMs, nowMs),
      entry.aspect,
      `${entry.kind.toLowerCase()}/${entry.namespace ? `${entry.namespace}/` : ""}${entry.name}`,
      entry.what,
      entry.by ?? "",
    ]),
    unhealthyRows: entries.flatMap((entry, index) =>
      entry.aspect === "warning" || entry.aspect === "restart" ? [index] : [],
    ),
  };
}

function countBy(entries: ChangeEntry[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of entries) counts[entry.aspect] = (counts[entry.aspect] ?? 0) + 1;
  return counts;
}

function unchangedSince(
  name: string | undefined,
  since: { number: number; atMs: number; what: string } | undefined,
  nowMs: number,
  language: "en" | "zh",
): string {
  if (!name || !since) return "";
  const age = shortAge(since.atMs, nowMs);
  return language === "en"
    ? ` ${name} still runs revision ${since.number}, made ${age} ago (${since.what}): no new rollout since.`
    : `${name} 仍是 revision ${since.number}（${age} 前：${since.what}），此后没有新的发布。`;
}

function headline(entries: ChangeEntry[], where: string, window: string): string {
  if (entries.length === 0) return `No changes${where} in the last ${window}.`;
  const first = entries[0];
  return `${entries.length} change${entries.length === 1 ? "" : "s"}${where} in the last ${window}; latest: ${first.kind.toLowerCase()} ${first.name} ${first.what}.`;
}

function headlineZh(entries: ChangeEntry[], where: string, window: string): string {
  const spot = where.replace(/^ in /, "");
  const place = !where ? "" : spot === "all namespaces" ? "所有命名空间中" : `${spot} 中`;
  if (entries.length === 0) return `${place}最近${window}没有变更。`;
  const first = entries[0];
  return `${place}最近${window}共 ${entries.length} 项变更；最新：${first.kind.toLowerCase()} ${first.name} ${first.what}。`;
}
