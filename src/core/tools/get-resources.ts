import { z } from "zod";
import type { Cell, TablePart } from "../answer.js";
import { CodedError, isNotFound } from "../errors.js";
import type { ResourceType, TableRow } from "../ports.js";
import { claimsAskingForClass, claimsOf } from "./claims-of.js";
import { defineTool, type ToolContext } from "./define-tool.js";
import { withNamespaceHint } from "./found-elsewhere.js";
import { listTableAcross } from "./list-across.js";
import { ensureNamespaceExists } from "./namespace-exists.js";
import { countCovered, describeTarget, type NamespaceTarget, namespaceTarget } from "./namespace-scope.js";
import { nodePlacement } from "./node-placement.js";
import { policiesSelecting } from "./policies-selecting.js";
import { STANDARD_READ_RULES } from "./read-rules.js";
import { objectsReferencing } from "./referencing-objects.js";
import { requireVerb, resolveKind } from "./resolve-kind.js";
import { notFound } from "./resolve-name.js";
import { columnValues, countBy } from "./row-counts.js";
import { orderRows } from "./row-order.js";
import { followBackends } from "./service-backends.js";
import { toCell } from "./table-cells.js";
import { isUnhealthyRow, unhealthyRowLabel } from "./table-health.js";
import { podsGeneratedFrom } from "./workload-pods.js";

const WIDE_COLUMNS: Record<string, string[]> = {
  pods: ["IP", "NODE"],
  nodes: ["INTERNAL-IP", "KERNEL-VERSION", "CONTAINER-RUNTIME"],
};

/**
 * `kubectl get`: kubectl's columns from the server-side Table, every row kept.
 * Facts: { kind, count, namespaces (distinct namespaces among the rows), notReady: names of unhealthy rows,
 * notReadyStates: the same with the state that makes each unhealthy ("kube-proxy (3/4)"), namespace? (when the call is about one), matched? (the name or prefix asked for), byNamespace? (row counts, when
 * rows span namespaces), byNode? (pods per node, across namespaces), unhealthy?, listed? (rows before that filter) }.
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
    unhealthy: z.boolean().optional().describe("Only rows not healthy"),
    sort_by: z.enum(["restarts", "age"]).optional().describe("Sort, most or newest first"),
  }),
  needs: STANDARD_READ_RULES,
  async run(context, args) {
    const type = await resolveKind(context.cluster, args.kind);
    requireVerb(type, "list");
    // A name is looked up wherever it is in the scope, never only in a default namespace.
    const target = namespaceTarget(context, type, args, { ignoreDefault: args.name !== undefined });
    const table = await listTableAcross(context, type, target, {
      labelSelector: args.label_selector,
      fieldSelector: args.field_selector,
      name: args.name,
    });
    if (table.rows.length === 0) await ensureNamespaceExists(context, target);
    const notes: string[] = [];
    let rows = table.rows;
    const name = args.name;
    // No policy bears the name of a workload or pod: the policies meant are the ones that select its pods.
    if (name && type.plural === "networkpolicies" && !table.rows.some((row) => row.name.startsWith(name))) {
      const selecting = await policiesSelecting(context, name, target);
      if (selecting) return selecting;
    }
    // Likewise a volume or claim asked for by its workload's name: the ones its pods mount.
    const storage = ["persistentvolumes", "persistentvolumeclaims", "storageclasses"].includes(type.plural);
    if (name && storage && !table.rows.some((row) => row.name.startsWith(name))) {
      const claims = await claimsOf(context, name, target);
      if (claims) return claims;
    }
    // A Secret's or ConfigMap's name where a pod or workload was asked for: the ones that reference it.
    if (name && !table.rows.some((row) => row.name.startsWith(name))) {
      const referencing = await objectsReferencing(context, name, type.plural, target);
      if (referencing) return referencing;
    }
    if (name) {
      rows = await withNamespaceHint(context, type, name, args, async () =>
        rowsNamed(table.rows, name, type.singular, describeTarget(target)),
      ).catch(async (error: unknown) => {
        // A missing storage class that claims ask for is why they are Pending: the answer says which.
        if (type.plural !== "storageclasses" || !isNotFound(error)) throw error;
        const asking = await claimsAskingForClass(context, name);
        if (!asking) throw error;
        throw new CodedError(
          "not_found",
          `${(error as Error).message}${asking}`,
          (error as CodedError).details,
        );
      });
      if (rows.length > 1 || rows[0].name !== args.name)
        notes.push(`${rows.length} ${type.plural} match "${name}"`);
    }
    // kubectl's columns plus the `-o wide` ones questions keep asking for (which node or IP a pod has, a node's IP
    // and container runtime).
    const wide = WIDE_COLUMNS[type.plural] ?? [];
    const shown = table.columns.filter(
      (column) => column.priority === 0 || wide.includes(column.name.toUpperCase()),
    );
    const indexes = shown.map((column) => table.columns.indexOf(column));
    const withNamespace = target.allNamespaces && type.namespaced;
    const columns = [
      ...(withNamespace ? ["NAMESPACE"] : []),
      ...shown.map((column) => column.name.toUpperCase()),
    ];
    let cells: Cell[][] = rows.map((row) => [
      ...(withNamespace ? [row.namespace ?? null] : []),
      ...indexes.map((index) => toCell(row.cells[index])),
    ]);
    const listed = rows.length;
    if (args.unhealthy) {
      const keep = cells.flatMap((row, index) => (isUnhealthyRow(type.plural, columns, row) ? [index] : []));
      rows = keep.map((index) => rows[index]);
      cells = keep.map((index) => cells[index]);
    }
    if (args.sort_by) {
      const order = orderRows(columns, cells, args.sort_by, type.plural);
      rows = order.map((index) => rows[index]);
      cells = order.map((index) => cells[index]);
    } else {
      const ordered = unhealthyFirstWhenLong(type.plural, columns, rows, cells);
      rows = ordered.rows;
      cells = ordered.cells;
    }
    const unhealthyRows = cells.flatMap((row, index) =>
      isUnhealthyRow(type.plural, columns, row) ? [index] : [],
    );
    const where = describeTarget(target);
    const phaseOnly = await beyondTheFilter(context, type, target, args, table.rows);
    if (phaseOnly) notes.push(phaseOnly);
    const covered = rows.length === 0 ? await countCovered(context, target) : undefined;
    // A filter's zero is a count of what matched it, never "nothing found" (the rest may be failing).
    const filters = [args.field_selector, args.label_selector].filter(Boolean).join(", ");
    if (rows.length === 0)
      notes.push(
        args.unhealthy && listed > 0
          ? `All ${listed} ${type.plural}${where} are healthy`
          : filters
            ? `0 ${type.plural}${covered ? ` in ${covered} namespaces` : where} match ${filters}`
            : `No ${type.plural} found${covered ? ` in ${covered} namespaces` : where}`,
      );
    const part: TablePart = {
      type: "table",
      title: `${args.unhealthy ? "unhealthy " : ""}${type.plural}${where}`,
      columns,
      rows: cells,
      nameColumn: columns.indexOf("NAME") >= 0 ? columns.indexOf("NAME") : undefined,
      unhealthyRows,
    };
    const byNamespace = countBy(rows.map((row) => row.namespace));
    const byNode = type.plural === "pods" ? countBy(columnValues(table.columns, rows, "NODE") ?? []) : {};
    // "what's behind the kube-dns service", "ingress frontend": the chain to the pods, by selectors and backends.
    const followed = args.name
      ? await followBackends(
          context,
          type.plural,
          rows.map((row) => ({ name: row.name, namespace: row.namespace })),
        )
      : { parts: [], notes: [], backends: [] };
    notes.push(...followed.notes);
    const placement =
      type.plural === "nodes"
        ? await nodePlacement(
            context,
            rows.map((row) => row.name),
          )
        : [];
    return {
      parts: [part, ...followed.parts, ...placement],
      facts: {
        kind: type.plural,
        count: rows.length,
        namespaces: Object.keys(byNamespace).length,
        notReady: unhealthyRows.map((index) => rows[index].name),
        notReadyStates: unhealthyRows.map((index) =>
          unhealthyRowLabel(type.plural, columns, cells[index], rows[index].name),
        ),
        ...(Object.keys(byNamespace).length > 1 ? { byNamespace } : {}),
        ...(target.allNamespaces && Object.keys(byNode).length > 0 ? { byNode } : {}),
        ...(args.unhealthy ? { unhealthy: true, listed } : {}),
        ...(args.sort_by ? { sortedBy: args.sort_by } : {}),
        ...(target.namespace ? { namespace: target.namespace } : {}),
        ...(target.allNamespaces && type.namespaced ? { acrossNamespaces: true } : {}),
        ...(covered ? { coveredNamespaces: covered } : {}),
        ...(args.name ? { matched: args.name } : {}),
      },
      notes,
    };
  },
});

const LONG_TABLE = 50;

/** A long table (a whole cluster's pods) keeps kubectl's order only among the healthy: the unhealthy rows lead. */
function unhealthyFirstWhenLong(
  kind: string,
  columns: string[],
  rows: TableRow[],
  cells: Cell[][],
): { rows: TableRow[]; cells: Cell[][] } {
  if (rows.length <= LONG_TABLE) return { rows, cells };
  const order = cells.map((_, index) => index);
  const bad = order.filter((index) => isUnhealthyRow(kind, columns, cells[index]));
  if (bad.length === 0) return { rows, cells };
  const unhealthy = new Set(bad);
  const good = order.filter((index) => !unhealthy.has(index));
  const sorted = [...bad, ...good];
  return { rows: sorted.map((index) => rows[index]), cells: sorted.map((index) => cells[index]) };
}

/**
 * What a field filter left out that the question may have meant: pods whose phase is Running while their STATUS is
 * not (CrashLoopBackOff, Error), which `kubectl get pods | grep -v Running` shows; and when it kept nothing, the few
 * objects there are, with their STATUS ("default 里有没有 pod not running?": no, these two run).
 */
async function beyondTheFilter(
  context: ToolContext,
  type: ResourceType,
  target: NamespaceTarget,
  args: { field_selector?: string; label_selector?: string; name?: string },
  filtered: readonly TableRow[],
): Promise<string | undefined> {
  if (!args.field_selector?.startsWith("status.phase")) return undefined;
  const all = await listTableAcross(context, type, target, {
    labelSelector: args.label_selector,
    name: args.name,
  });
  const status = all.columns.findIndex((column) => column.name.toUpperCase() === "STATUS");
  if (status < 0) return undefined;
  const said = (row: TableRow) => `${row.name} (${row.cells[status]})`;
  const listed = new Set(filtered.map((row) => `${row.namespace}/${row.name}`));
  const failing = all.rows.filter(
    (row) =>
      !listed.has(`${row.namespace}/${row.name}`) &&
      !["Running", "Completed", "Succeeded"].includes(String(row.cells[status] ?? "")),
  );
  if (args.field_selector === "status.phase!=Running" && failing.length > 0)
    return `Phase Running but STATUS not Running: ${failing.map(said).join(", ")}`;
  if (filtered.length === 0 && all.rows.length > 0 && all.rows.length <= FEW_UNFILTERED)
    return `Without the filter, ${all.rows.length} ${type.plural}${describeTarget(target)}: ${all.rows.map(said).join(", ")}`;
  return undefined;
}

const FEW_UNFILTERED = 8;

/** An exact name shows that object; otherwise every row the prefix matches (a filter, like grep). */
function rowsNamed(rows: TableRow[], name: string, what: string, where: string): TableRow[] {
  const exact = rows.filter((row) => row.name === name);
  if (exact.length > 0) return exact;
  const prefixed = rows.filter((row) => row.name.startsWith(name));
  // "api" also prefixes api-gateway's pods: the ones generated from exactly "api" are meant.
  const generated = podsGeneratedFrom(prefixed, name);
  if (generated.length > 0) return generated;
  if (prefixed.length > 0) return prefixed;
  throw notFound(
    name,
    rows.map((row) => row.name),
    { what, where },
  );
}
