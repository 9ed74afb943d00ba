import type { Cell, TablePart } from "../answer.js";
import type { KubeObject, ResourceType } from "../ports.js";
import type { ToolContext } from "./define-tool.js";
import { type EventObject, eventCount, eventTime } from "./object-shapes.js";
import { shortAge } from "./time-format.js";

/** Events about one object, newest first (kubectl describe's Events section). */
export async function eventsFor(context: ToolContext, object: KubeObject): Promise<EventObject[]> {
  const eventsType = await eventsResource(context);
  const selectors = [`involvedObject.name=${object.metadata.name}`];
  if (object.kind) selectors.push(`involvedObject.kind=${object.kind}`);
  if (object.metadata.namespace) selectors.push(`involvedObject.namespace=${object.metadata.namespace}`);
  const events = (await context.cluster.list(eventsType, {
    namespace: object.metadata.namespace,
    fieldSelector: selectors.join(","),
  })) as EventObject[];
  return events.sort((a, b) => eventTime(b) - eventTime(a));
}

export async function eventsResource(context: ToolContext): Promise<ResourceType> {
  const types = await context.cluster.resourceTypes();
  const core = types.find((type) => type.plural === "events" && type.group === "");
  return core ?? types.find((type) => type.plural === "events") ?? CORE_EVENTS;
}

const CORE_EVENTS: ResourceType = {
  plural: "events",
  singular: "event",
  kind: "Event",
  shortNames: ["ev"],
  group: "",
  version: "v1",
  namespaced: true,
  verbs: ["get", "list"],
};

export function eventsTable(
  title: string,
  events: EventObject[],
  nowMs: number,
  withObject: boolean,
): TablePart {
  const columns = ["LAST SEEN", "TYPE", "REASON", ...(withObject ? ["OBJECT"] : []), "MESSAGE"];
  const rows: Cell[][] = events.map((event) => [
    shortAge(eventTime(event), nowMs),
    event.type ?? "",
    event.reason ?? "",
    ...(withObject
      ? [`${(event.involvedObject?.kind ?? "").toLowerCase()}/${event.involvedObject?.name ?? ""}`]
      : []),
    eventCount(event) > 1 ? `${event.message ?? ""} (x${eventCount(event)})` : (event.message ?? ""),
  ]);
  const unhealthyRows = events.flatMap((event, index) => (event.type === "Warning" ? [index] : []));
  return { type: "table", title, columns, rows, unhealthyRows };
}
