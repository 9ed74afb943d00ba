import { CodedError, isNotFound } from "../errors.js";
import type { ResourceType, TableRow } from "../ports.js";
import { closeMatches } from "./close-matches.js";
import type { ToolContext } from "./define-tool.js";
import { listTableAcross } from "./list-across.js";
import { type NamespaceArgs, type NamespaceTarget, namespaceTarget } from "./namespace-scope.js";
import { existingHint, type FoundObject, getByName } from "./resolve-name.js";
import { podsGeneratedFrom, sameWorkload } from "./workload-pods.js";

const MAX_LISTED = 10;

/**
 * The object a name refers to. With a namespace (or a cluster-scoped kind): that namespace only. Without one, the
 * whole scope, never only the default namespace: the exact name (one list with `metadata.name=`), then a unique
 * prefix, then the pods of one workload ("ledger" → a pod of the ledger deployment). One match is answered and
 * says where it was found; several are listed with their namespaces; none lists close names across the scope.
 * `namespace` is the one the caller already resolved (kept for the tools that pass it).
 */
export async function getByNameWithHint(
  context: ToolContext,
  type: ResourceType,
  name: string,
  args: NamespaceArgs,
  namespace?: string,
): Promise<FoundObject> {
  if (!type.namespaced) return getByName(context, type, name, undefined);
  if (args.namespace) return getByName(context, type, name, namespace ?? args.namespace);
  const target = namespaceTarget(
    context,
    type,
    { all_namespaces: args.all_namespaces },
    { ignoreDefault: true },
  );
  if (target.namespace) return getByName(context, type, name, target.namespace);
  return findInScope(context, type, name, target);
}

/** Kept for callers that filter rows themselves: a lookup that already covered the scope needs no hint. */
export async function withNamespaceHint<T>(
  _context: ToolContext,
  _type: ResourceType,
  _name: string,
  _args: NamespaceArgs,
  lookup: () => Promise<T>,
): Promise<T> {
  return lookup();
}

async function findInScope(
  context: ToolContext,
  type: ResourceType,
  input: string,
  target: NamespaceTarget,
): Promise<FoundObject> {
  const exact = await exactRows(context, type, input, target);
  if (exact.length > 0) return pick(context, type, input, exact, "exact");
  const table = await listTableAcross(context, type, target);
  const prefixed = table.rows.filter((row) => row.name.startsWith(input));
  if (prefixed.length > 0) return pick(context, type, input, prefixed, "prefix");
  // "checkout pod 5bj6r": the random end of one pod's name is that pod.
  const ended = table.rows.filter((row) => row.name.endsWith(`-${input}`));
  if (ended.length === 1) return pick(context, type, input, ended, "prefix");
  const where =
    target.namespaces[0] === undefined ? " in any namespace" : ` in ${target.namespaces.join(", ")}`;
  const close = closeMatches(
    input,
    table.rows.map((row) => row.name),
  );
  const located = close.map((candidate) => {
    const namespaces = table.rows.filter((row) => row.name === candidate).map((row) => row.namespace);
    return `${candidate} (${namespaces.join(", ")})`;
  });
  const hint =
    located.length > 0
      ? `; close names: ${located.join(", ")}`
      : existingHint(
          table.rows.map((row) => row.name),
          { what: type.singular, where: "" },
        );
  throw new CodedError("not_found", `No ${type.singular} named "${input}"${where}${hint}`, {
    suggestions: close,
  });
}

/** `metadata.name=` is served for every kind, so an exact name costs one small list, not a walk over every page. */
async function exactRows(
  context: ToolContext,
  type: ResourceType,
  input: string,
  target: NamespaceTarget,
): Promise<TableRow[]> {
  try {
    const table = await listTableAcross(context, type, target, { fieldSelector: `metadata.name=${input}` });
    return table.rows.filter((row) => row.name === input);
  } catch (error) {
    // A name Kubernetes could never hold ("DNS") is refused by the server: it simply matches nothing exactly.
    if (isNotFound(error) || (error instanceof CodedError && error.code === "bad_request")) return [];
    throw error;
  }
}

async function pick(
  context: ToolContext,
  type: ResourceType,
  input: string,
  rows: TableRow[],
  how: "exact" | "prefix",
): Promise<FoundObject> {
  const chosen = choose(context, type, input, rows);
  if (!chosen) throw ambiguous(type, input, rows);
  const namespace = chosen.row.namespace;
  const object = await context.cluster.get(type, chosen.row.name, namespace);
  const renamed = how === "prefix" ? `${input} → ${chosen.row.name}` : chosen.row.name;
  const others = chosen.of > 1 ? ` (1 of ${chosen.of} pods of one workload)` : "";
  return {
    name: chosen.row.name,
    object,
    note: `Found ${type.singular} ${renamed} in ${namespace}${others}`,
  };
}

/** One row; several in the default namespace's favour; several pods of one workload: the first of them. */
function choose(
  context: ToolContext,
  type: ResourceType,
  input: string,
  matched: TableRow[],
): { row: TableRow; of: number } | undefined {
  const rows = type.plural === "pods" ? podsOfWorkloadNamed(input, matched) : matched;
  if (rows.length === 1) return { row: rows[0], of: 1 };
  const inDefault = rows.filter((row) => row.namespace && row.namespace === context.defaultNamespace);
  if (inDefault.length === 1) return { row: inDefault[0], of: 1 };
  if (type.plural === "pods" && sameWorkload(rows)) {
    const sorted = [...rows].sort((a, b) => a.name.localeCompare(b.name));
    return { row: sorted[0], of: rows.length };
  }
  return undefined;
}

/** "api" matches api-gateway's pods by prefix too: the pods generated from exactly "api" are the ones meant. */
function podsOfWorkloadNamed(input: string, rows: TableRow[]): TableRow[] {
  const generated = podsGeneratedFrom(rows, input);
  return generated.length > 0 ? generated : rows;
}

function ambiguous(type: ResourceType, input: string, rows: TableRow[]): CodedError {
  const listed = rows.slice(0, MAX_LISTED).map((row) => `${row.namespace}/${row.name}`);
  const more = rows.length > MAX_LISTED ? ` and ${rows.length - MAX_LISTED} more` : "";
  return new CodedError(
    "ambiguous",
    `"${input}" matches ${rows.length} ${type.plural}: ${listed.join(", ")}${more}; name the namespace or the full name`,
    { candidates: rows.map((row) => ({ kind: type.plural, name: row.name, namespace: row.namespace })) },
  );
}
