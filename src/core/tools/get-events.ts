import { z } from "zod";
import type { TablePart } from "../answer.js";
import { defineTool } from "./define-tool.js";
import { getByNameWithHint } from "./found-elsewhere.js";
import { listAcross } from "./list-across.js";
import { ensureNamespaceExists } from "./namespace-exists.js";
import { describeTarget, namespaceTarget } from "./namespace-scope.js";
import { eventsResource, eventsTable } from "./object-events.js";
import { type EventObject, eventTime } from "./object-shapes.js";
import { STANDARD_READ_RULES } from "./read-rules.js";
import { resolveKind } from "./resolve-kind.js";
import { notFound } from "./resolve-name.js";
import { sinceSecondsArg, windowStart } from "./since-seconds.js";
import { nowOf } from "./time-format.js";
import { workloadBases } from "./workload-pods.js";

/** Events newest first. Facts: { count, warnings, namespace?, kind?, name? }. */
export const getEvents = defineTool({
  name: "get_events",
  description: "Events, newest first (kubectl get events).",
  args: z.object({
    namespace: z.string().min(1).optional().describe("Namespace"),
    all_namespaces: z.boolean().optional().describe("Events of every namespace"),
    kind: z.string().min(1).optional().describe("Only about this kind"),
    name: z.string().min(1).optional().describe("Only about this object"),
    type: z.enum(["Warning", "Normal"]).optional().describe("Event type"),
    since_seconds: sinceSecondsArg("Only the last N seconds"),
  }),
  // The standard reads (events among them): "events for deployment x" with none looks the object up, to tell
  // "none" from "no such".
  needs: STANDARD_READ_RULES,
  async run(context, args) {
    const kind = args.kind ? await resolveKind(context.cluster, args.kind) : undefined;
    const eventsType = await eventsResource(context);
    // Events about a cluster-scoped object (a node) live in any namespace: read them all.
    const clusterScoped = kind !== undefined && !kind.namespaced;
    const target = namespaceTarget(
      context,
      eventsType,
      clusterScoped && !args.namespace ? { all_namespaces: true } : args,
      { ignoreDefault: args.name !== undefined },
    );
    const selectors = [
      ...(kind ? [`involvedObject.kind=${kind.kind}`] : []),
      ...(args.type ? [`type=${args.type}`] : []),
    ];
    let events = (await listAcross(context, eventsType, target, {
      fieldSelector: selectors.length > 0 ? selectors.join(",") : undefined,
    })) as EventObject[];
    if (events.length === 0) await ensureNamespaceExists(context, target);
    const notes: string[] = [];
    const where = describeTarget(target);
    if (args.name) {
      const about = eventsAbout(events, args.name, notes);
      if (about) events = about;
      else {
        // No event names it: with a kind, say so for an object that exists, or not_found with close names.
        const involved = events.map((event) => event.involvedObject?.name ?? "");
        if (!kind) throw notFound(args.name, involved, { what: "object with events", where });
        const { object } = await getByNameWithHint(context, kind, args.name, args, target.namespace);
        events = [];
        const home = object.metadata.namespace ? ` in ${object.metadata.namespace}` : where;
        notes.push(`No events about ${kind.singular} ${object.metadata.name}${home}`);
      }
    }
    if (args.since_seconds !== undefined) {
      const from = windowStart(nowOf(context), args.since_seconds);
      events = events.filter((event) => eventTime(event) >= from);
    }
    events.sort((a, b) => eventTime(b) - eventTime(a));
    const table: TablePart = eventsTable(`Events${where}`, events, nowOf(context), true);
    if (target.allNamespaces) {
      table.columns = ["NAMESPACE", ...table.columns];
      table.rows = table.rows.map((row, index) => [events[index].metadata.namespace ?? null, ...row]);
    }
    if (events.length === 0 && notes.length === 0)
      notes.push(
        `No ${args.type ? `${args.type} ` : ""}events${where}${args.since_seconds ? ` in the last ${args.since_seconds}s` : ""}`,
      );
    return {
      parts: [table],
      facts: {
        count: events.length,
        warnings: events.filter((event) => event.type === "Warning").length,
        ...(target.namespace ? { namespace: target.namespace } : {}),
        ...(kind ? { kind: kind.plural } : {}),
        ...(args.name ? { name: args.name } : {}),
        ...(args.since_seconds ? { since_seconds: args.since_seconds } : {}),
      },
      notes,
    };
  },
});

/** Events about the exact name, else about every object whose name starts with it; undefined when none. */
const GENERATED_KINDS = new Set(["Pod", "ReplicaSet", "Job"]);
const isGeneratedKind = (event: EventObject) => GENERATED_KINDS.has(event.involvedObject?.kind ?? "");

function eventsAbout(events: EventObject[], name: string, notes: string[]): EventObject[] | undefined {
  // "events for api-gateway": the Deployment's own events and those of the ReplicaSets and pods made from it.
  const exact = events.filter((event) => {
    const involved = event.involvedObject?.name ?? "";
    return involved === name || (isGeneratedKind(event) && workloadBases(involved).includes(name));
  });
  if (exact.length > 0) return exact;
  const prefixed = events.filter((event) => event.involvedObject?.name?.startsWith(name));
  if (prefixed.length > 0) {
    const objects = new Set(prefixed.map((event) => event.involvedObject?.name));
    notes.push(`Events of ${[...objects].join(", ")} (names starting with "${name}")`);
    return prefixed;
  }
  return undefined;
}
