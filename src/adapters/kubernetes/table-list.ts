import { CodedError, isNotFound } from "../../core/errors.js";
import type { ListOptions, ResourceTable, ResourceType, TableRow } from "../../core/ports.js";
import { resolveRequest } from "../../core/resource-request.js";
import type { KubeHttp } from "./kube-http.js";
import { TABLE_ACCEPT } from "./kube-http.js";
import { type ListPage, listPages } from "./list-pages.js";

type ListItem = { metadata?: { name?: string; namespace?: string; creationTimestamp?: string } };

interface TableResponse extends ListPage {
  kind?: string;
  columnDefinitions?: { name: string; type: string; priority?: number }[];
  rows?: { cells: unknown[]; object?: { metadata?: { name?: string; namespace?: string } } }[];
  items?: ListItem[];
}

/**
 * Reads every page of the server-side Table (kubectl's columns) with limit 500 and continue. A name
 * (without selectors) is first asked for as one object, so an exact name costs one small request
 * instead of every page of a 10,000-object namespace; only a name that is not there lists (prefixes).
 */
export async function listTable(
  http: KubeHttp,
  type: ResourceType,
  options: ListOptions,
  signal?: AbortSignal,
): Promise<ResourceTable> {
  const { name, ...listOptions } = options;
  const placed = !type.namespaced || listOptions.namespace !== undefined;
  if (name && placed && !listOptions.labelSelector && !listOptions.fieldSelector) {
    const one = await objectTable(http, type, name, listOptions.namespace, signal);
    if (one) return one;
  }
  return collectionTable(http, type, listOptions, signal);
}

async function objectTable(
  http: KubeHttp,
  type: ResourceType,
  name: string,
  namespace: string | undefined,
  signal?: AbortSignal,
): Promise<ResourceTable | undefined> {
  try {
    const page = await http.getJson<TableResponse>({
      target: { kind: "resource", request: resolveRequest(type, { namespace, name }) },
      accept: TABLE_ACCEPT,
      signal,
    });
    const columns = columnsOf(page);
    // A server without Table support answers with the object itself.
    const rows =
      page.kind === "Table" ? rowsOf(page, columns) : rowsOf({ items: [page as ListItem] }, columns);
    return { columns, rows };
  } catch (error) {
    // Not there (a prefix), or a role that may list but not get: the collection answers.
    if (isNotFound(error) || (error instanceof CodedError && error.code === "forbidden")) return undefined;
    throw error;
  }
}

async function collectionTable(
  http: KubeHttp,
  type: ResourceType,
  options: ListOptions,
  signal?: AbortSignal,
): Promise<ResourceTable> {
  const table: ResourceTable = { columns: [], rows: [] };
  for await (const page of listPages<TableResponse>(http, type, options, { accept: TABLE_ACCEPT, signal })) {
    if (table.columns.length === 0) table.columns = columnsOf(page);
    table.rows.push(...rowsOf(page, table.columns));
  }
  return table;
}

function columnsOf(page: TableResponse): ResourceTable["columns"] {
  if (page.kind === "Table" && page.columnDefinitions) {
    return page.columnDefinitions.map((column) => ({
      name: column.name,
      type: column.type,
      priority: column.priority ?? 0,
    }));
  }
  // An API that cannot render a Table answers with a plain list: show names and creation times.
  return [
    { name: "Name", type: "string", priority: 0 },
    { name: "Created At", type: "date", priority: 0 },
  ];
}

function rowsOf(page: TableResponse, columns: ResourceTable["columns"]): TableRow[] {
  if (page.kind === "Table") {
    const nameIndex = Math.max(
      0,
      columns.findIndex((column) => column.name.toLowerCase() === "name"),
    );
    return (page.rows ?? []).map((row) => ({
      cells: row.cells,
      name: row.object?.metadata?.name ?? String(row.cells[nameIndex] ?? ""),
      namespace: row.object?.metadata?.namespace,
    }));
  }
  return (page.items ?? []).map((item) => ({
    cells: [item.metadata?.name ?? "", item.metadata?.creationTimestamp ?? ""],
    name: item.metadata?.name ?? "",
    namespace: item.metadata?.namespace,
  }));
}
