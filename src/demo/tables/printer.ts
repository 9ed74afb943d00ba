import type { KubeObject } from "../../core/ports.js";

/** [name, type, priority, format]: a column as the API server's Table describes it. */
export type ColumnSpec = [string, string, number, string?];

export interface KindPrinter {
  columns: ColumnSpec[];
  cells(object: KubeObject, now: number): unknown[];
  conditions?(object: KubeObject): Record<string, unknown>[] | undefined;
}

export type IncludeObject = "None" | "Metadata" | "Object";

export interface TableMeta {
  resourceVersion: string;
  continueToken?: string;
  remainingItemCount?: number;
}

function rowObject(object: KubeObject, include: IncludeObject): unknown {
  if (include === "None") return undefined;
  if (include === "Object") return object;
  return { kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: object.metadata };
}

/** A `meta.k8s.io/v1` Table, as a real API server answers `Accept: ...;as=Table;v=v1;g=meta.k8s.io`. */
export function renderTable(
  printer: KindPrinter,
  objects: KubeObject[],
  include: IncludeObject,
  meta: TableMeta,
  now: number,
): Record<string, unknown> {
  const metadata: Record<string, unknown> = { resourceVersion: meta.resourceVersion };
  if (meta.continueToken) metadata.continue = meta.continueToken;
  if (meta.remainingItemCount !== undefined) metadata.remainingItemCount = meta.remainingItemCount;
  return {
    kind: "Table",
    apiVersion: "meta.k8s.io/v1",
    metadata,
    columnDefinitions: printer.columns.map(([name, type, priority, format]) => ({
      name,
      type,
      format: format ?? "",
      description: "",
      priority,
    })),
    rows: objects.map((object) => {
      const row: Record<string, unknown> = { cells: printer.cells(object, now) };
      const conditions = printer.conditions?.(object);
      if (conditions) row.conditions = conditions;
      const embedded = rowObject(object, include);
      if (embedded) row.object = embedded;
      return row;
    }),
  };
}
