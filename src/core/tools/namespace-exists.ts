import { isNotFound } from "../errors.js";
import type { ToolContext } from "./define-tool.js";
import type { NamespaceTarget } from "./namespace-scope.js";
import { readRule } from "./read-rules.js";
import { resolveKind } from "./resolve-kind.js";
import { notFound } from "./resolve-name.js";

/** What the check below reads. */
export const NAMESPACE_READ_RULE = readRule("", ["namespaces"]);

/**
 * Called when a read of one namespace came back empty: "No problems found in shopp" would mislead, so a namespace
 * that does not exist is a not_found with close names. One GET, and a list only when the namespace is missing;
 * when the check itself cannot be made, nothing changes.
 */
export async function ensureNamespaceExists(context: ToolContext, target: NamespaceTarget): Promise<void> {
  const { namespace } = target;
  if (!namespace || target.allNamespaces) return;
  const type = await resolveKind(context.cluster, "namespaces");
  try {
    await context.cluster.get(type, namespace);
    return;
  } catch (error) {
    // Forbidden (the chart's namespaced Role mode cannot read Namespace objects) or unreachable: the empty answer
    // stands as it was.
    if (!isNotFound(error)) return;
  }
  const names = (await context.cluster.listTable(type, {}).catch(() => ({ rows: [] }))).rows.map(
    (row) => row.name,
  );
  const allowed = context.scope.namespaces;
  throw notFound(namespace, allowed ? names.filter((name) => allowed.includes(name)) : names, {
    what: "namespace",
    where: "",
  });
}
