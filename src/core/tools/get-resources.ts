import { z } from "zod";
import type { Cell, TablePart } from "../answer.js";
import type { TableRow } from "../ports.js";
import { defineTool } from "./define-tool.js";
import { withNamespaceHint } from "./found-elsewhere.js";
import { listTableAcross } from "./list-across.js";
import { ensureNamespaceExists } from "./namespace-exists.js";
import { describeTarget, namespaceTarget } from "./namespace-scope.js";
import { STANDARD_READ_RULES } from "./read-rules.js";
import { requireVerb, resolveKind } from "./resolve-kind.js";
import { notFound } from "./resolve-name.js";
import { toCell } from "./table-cells.js";
import { isUnhealthyRow } from "./table-health.js";

/**
 * `kubectl get`: kubectl's columns from the server-side Table, every row kept.
 * Facts: { kind, count, namespaces (distinct namespaces among the rows), notReady: names of unhealthy rows,
 * namespace? (when the call is about one), matched? (the name or prefix asked for) }.
 */
export const getResources = defineTool({
  name: "get_resources",
  description: "List objects of one kind with kubectl's columns (kubectl get).",
  args: z.object({
    kind: z.string().min(1).describe("Canonical plural kind: pods, deployments, services, nodes, ..."),
    namespace: z.string().min(1).optional().describe("Namespace to list"),
    all_namespaces: z.boolean().optional().describe("List across every namespace (-A)"),
    name: z.string().min(1).optional().describe("Object name or name prefix"),
    label_selector: z.string().min(1).optional().describe("Label selector, e.g. app=web"),
    field_selector: z.string().min(1).optional().describe("Field selector, e.g. status.phase=Pending"),
  }),
  needs: STANDARD_READ_RULES,
  async run(context, args) {
    const type = await resolveKind(context.cluster, args.kind);
    requireVerb(type, "list");
    const target = namespaceTarget(context, type, args);
    const table = await listTableAcross(context, type, target, {
      labelSelector: args.label_selector,
      fieldSelector: args.field_selector,
      name: args.name,
    });
    if (table.rows.length === 0) await ensureNamespaceExists(context, target);
    const notes: string[] = [];
    let rows = table.rows;
    const name = args.name;
    if (name) {
      rows = await withNamespaceHint(context, type, name, args, async () =>
        rowsNamed(table.rows, name, type.singular, describeTarget(target)),
      );
      if (rows.length > 1 || rows[0].name !== args.name)
        notes.push(`${rows.length} ${type.plural} match "${name}"`);
    }
    const shown = table.columns.filter((column) => column.priority === 0);
    const indexes = shown.map((column) => table.columns.indexOf(column));
    const withNamespace = target.allNamespaces && type.namespaced;
    const columns = [
      ...(withNamespace ? ["NAMESPACE"] : []),
      ...shown.map((column) => column.name.toUpperCase()),
    ];
    const cells: Cell[][] = rows.map((row) => [
      ...(withNamespace ? [row.namespace ?? null] : []),
      ...indexes.map((index) => toCell(row.cells[index])),
    ]);
    const unhealthyRows = cells.flatMap((row, index) =>
      isUnhealthyRow(type.plural, columns, row) ? [index] : [],
    );
    const where = describeTarget(target);
    if (rows.length === 0) notes.push(`No ${type.plural} found${where}`);
    const part: TablePart = {
      type: "table",
      title: `${type.plural}${where}`,
      columns,
      rows: cells,
      nameColumn: columns.indexOf("NAME") >= 0 ? columns.indexOf("NAME") : undefined,
      unhealthyRows,
    };
    return {
      parts: [part],
      facts: {
        kind: type.plural,
        count: rows.length,
        namespaces: new Set(rows.map((row) => row.namespace).filter(Boolean)).size,
        notReady: unhealthyRows.map((index) => rows[index].name),
        ...(target.namespace ? { namespace: target.namespace } : {}),
        ...(args.name ? { matched: args.name } : {}),
      },
      notes,
    };
  },
});

/** An exact name shows that object; otherwise every row the prefix matches (a filter, like grep). */
function rowsNamed(rows: TableRow[], name: string, what: string, where: string): TableRow[] {
  const exact = rows.filter((row) => row.name === name);
  if (exact.length > 0) return exact;
  const prefixed = rows.filter((row) => row.name.startsWith(name));
  if (prefixed.length > 0) return prefixed;
  throw notFound(
    name,
    rows.map((row) => row.name),
    { what, where },
  );
}
