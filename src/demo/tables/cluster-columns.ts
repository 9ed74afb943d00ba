import type { KubeObject } from "../../core/ports.js";
import { age, type Loose, loose, since } from "./format.js";
import type { KindPrinter } from "./printer.js";

function nodeStatus(node: Loose): string {
  const ready = (node.status?.conditions ?? []).find((c: Loose) => c.type === "Ready");
  const status = [ready ? (ready.status === "True" ? "Ready" : "NotReady") : "Unknown"];
  if (node.spec?.unschedulable) status.push("SchedulingDisabled");
  return status.join(",");
}

function nodeRoles(node: Loose): string {
  const roles = Object.keys(node.metadata.labels ?? {})
    .filter((label) => label.startsWith("node-role.kubernetes.io/"))
    .map((label) => label.slice("node-role.kubernetes.io/".length))
    .sort();
  return roles.length > 0 ? roles.join(",") : "<none>";
}

function nodeAddress(node: Loose, type: string): string {
  return (node.status?.addresses ?? []).find((a: Loose) => a.type === type)?.address ?? "<none>";
}

export const nodePrinter: KindPrinter = {
  columns: [
    ["Name", "string", 0, "name"],
    ["Status", "string", 0],
    ["Roles", "string", 0],
    ["Age", "string", 0],
    ["Version", "string", 0],
    ["Internal-IP", "string", 1],
    ["External-IP", "string", 1],
    ["OS-Image", "string", 1],
    ["Kernel-Version", "string", 1],
    ["Container-Runtime", "string", 1],
  ],
  cells(object: KubeObject, now: number) {
    const node = loose(object);
    const info = node.status?.nodeInfo ?? {};
    return [
      node.metadata.name,
      nodeStatus(node),
      nodeRoles(node),
      age(object, now),
      info.kubeletVersion ?? "",
      nodeAddress(node, "InternalIP"),
      nodeAddress(node, "ExternalIP"),
      info.osImage ?? "<unknown>",
      info.kernelVersion ?? "<unknown>",
      info.containerRuntimeVersion ?? "<unknown>",
    ];
  },
};

export const namespacePrinter: KindPrinter = {
  columns: [
    ["Name", "string", 0, "name"],
    ["Status", "string", 0],
    ["Age", "string", 0],
  ],
  cells: (object, now) => [object.metadata.name, loose(object).status?.phase ?? "Active", age(object, now)],
};

export const eventPrinter: KindPrinter = {
  columns: [
    ["Last Seen", "string", 0],
    ["Type", "string", 0],
    ["Reason", "string", 0],
    ["Object", "string", 0],
    ["Subobject", "string", 1],
    ["Source", "string", 1],
    ["Message", "string", 0],
    ["First Seen", "string", 1],
    ["Count", "string", 1],
    ["Name", "string", 1, "name"],
  ],
  cells(object: KubeObject, now: number) {
    const event = loose(object);
    const first = since(event.firstTimestamp ?? event.eventTime, now);
    // kubectl's printer: a series event is last seen at its last observation, counted by the series.
    const last = event.series?.lastObservedTime
      ? since(event.series.lastObservedTime, now)
      : event.lastTimestamp
        ? since(event.lastTimestamp, now)
        : first;
    const count = event.series?.count || event.count || 1;
    const involved = event.involvedObject ?? {};
    const kind = String(involved.kind ?? "").toLowerCase();
    const component = event.source?.component || event.reportingComponent;
    const source = [component, event.source?.host].filter(Boolean).join(", ");
    return [
      last,
      event.type ?? "",
      event.reason ?? "",
      involved.name ? `${kind}/${involved.name}` : kind,
      involved.fieldPath ?? "",
      source,
      String(event.message ?? "").trim(),
      first,
      count,
      event.metadata.name,
    ];
  },
};

export const configMapPrinter: KindPrinter = {
  columns: [
    ["Name", "string", 0, "name"],
    ["Data", "integer", 0],
    ["Age", "string", 0],
  ],
  cells(object, now) {
    const cm = loose(object);
    return [
      cm.metadata.name,
      Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length,
      age(object, now),
    ];
  },
};

export const serviceAccountPrinter: KindPrinter = {
  columns: [
    ["Name", "string", 0, "name"],
    ["Secrets", "string", 0],
    ["Age", "string", 0],
  ],
  cells: (object, now) => [object.metadata.name, (loose(object).secrets ?? []).length, age(object, now)],
};

/** The default convertor apiextensions uses for CRDs themselves. */
export const crdPrinter: KindPrinter = {
  columns: [
    ["Name", "string", 0, "name"],
    ["Created At", "date", 0],
  ],
  cells: (object) => [object.metadata.name, object.metadata.creationTimestamp ?? ""],
};

/** Custom resources without printer columns, and every other kind: name and age (apiextensions renders dates as ages). */
export const genericPrinter: KindPrinter = {
  columns: [
    ["Name", "string", 0, "name"],
    ["Age", "date", 0],
  ],
  cells: (object, now) => [object.metadata.name, age(object, now)],
};
