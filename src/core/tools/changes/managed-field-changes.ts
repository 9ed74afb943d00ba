import type { KubeObject } from "../../ports.js";
import {
  type ChangeEntry,
  type ChangeSnapshot,
  type ChangeWindow,
  inWindow,
  timeOf,
} from "./change-entry.js";

interface ManagedFieldsEntry {
  manager?: string;
  operation?: string;
  time?: string;
  subresource?: string;
  fieldsV1?: Record<string, unknown>;
}

/** Object updates from metadata.managedFields: when, by which manager, which top-level fields. Status writes are skipped. */
export function managedFieldChanges(snapshot: ChangeSnapshot, window: ChangeWindow): ChangeEntry[] {
  return [...snapshot.workloads, ...snapshot.configured].flatMap((object) =>
    ((object.metadata.managedFields ?? []) as ManagedFieldsEntry[])
      .filter((entry) => entry.subresource !== "status" && inWindow(timeOf(entry.time), window))
      .filter((entry) => timeOf(entry.time) - timeOf(object.metadata.creationTimestamp) > 5_000)
      .map((entry) => updateEntry(object, entry)),
  );
}

function updateEntry(object: KubeObject, entry: ManagedFieldsEntry): ChangeEntry {
  const fields = touchedFields(entry.fieldsV1 ?? {});
  return {
    atMs: timeOf(entry.time),
    aspect: "update",
    kind: object.kind ?? "",
    namespace: object.metadata.namespace,
    name: object.metadata.name,
    what: `${entry.operation === "Apply" ? "applied" : "updated"}${fields.length > 0 ? ` ${fields.join(", ")}` : ""}`,
    by: entry.manager,
    about: [object.metadata.name],
  };
}

/** `{"f:spec": {"f:replicas": {}}}` → ["spec.replicas"]: two levels deep, enough to say what was edited. */
function touchedFields(fields: Record<string, unknown>): string[] {
  const paths: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (!key.startsWith("f:")) continue;
    const top = key.slice(2);
    const children = Object.keys((value ?? {}) as object).filter((child) => child.startsWith("f:"));
    if (top === "metadata" || children.length === 0) paths.push(top);
    else paths.push(...children.map((child) => `${top}.${child.slice(2)}`));
  }
  return paths.filter((path) => path !== "metadata" || paths.length === 1);
}
