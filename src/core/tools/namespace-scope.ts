import { CodedError } from "../errors.js";
import type { ResourceType } from "../ports.js";
import type { ToolContext } from "./define-tool.js";
import { resolveKind } from "./resolve-kind.js";

/** Which namespaces a call reads. `[undefined]` means one request across every namespace (or a cluster-scoped kind). */
export interface NamespaceTarget {
  namespaces: (string | undefined)[];
  /** The one namespace the call is about, when there is one. */
  namespace?: string;
  allNamespaces: boolean;
  /** The question named no namespace and none is configured: the call covers the caller's whole scope. */
  wholeScope?: boolean;
}

export interface NamespaceArgs {
  namespace?: string;
  all_namespaces?: boolean;
}

/**
 * A namespaced kind that names no namespace reads the configured default namespace when there is one, else the
 * caller's whole scope (`ignoreDefault`: always the whole scope, for a name looked up wherever it is);
 * `all_namespaces` under a namespace-limited scope reads only the allowed namespaces; a cluster-scoped kind never
 * gets a namespace.
 */
export function namespaceTarget(
  context: ToolContext,
  type: Pick<ResourceType, "namespaced"> | undefined,
  args: NamespaceArgs,
  options: { ignoreDefault?: boolean } = {},
): NamespaceTarget {
  if (type && !type.namespaced) return { namespaces: [undefined], allNamespaces: false };
  const allowed = context.scope.namespaces;
  if (args.namespace && !args.all_namespaces) {
    assertInScope(context, args.namespace);
    return { namespaces: [args.namespace], namespace: args.namespace, allNamespaces: false };
  }
  if (args.all_namespaces) {
    return allowed
      ? { namespaces: [...allowed], allNamespaces: true }
      : { namespaces: [undefined], allNamespaces: true };
  }
  const preferred = options.ignoreDefault ? undefined : context.defaultNamespace;
  if (preferred) {
    assertInScope(context, preferred);
    return { namespaces: [preferred], namespace: preferred, allNamespaces: false };
  }
  if (allowed?.length === 1) return { namespaces: [...allowed], namespace: allowed[0], allNamespaces: false };
  return allowed
    ? { namespaces: [...allowed], allNamespaces: true, wholeScope: true }
    : { namespaces: [undefined], allNamespaces: true, wholeScope: true };
}

export function assertInScope(context: ToolContext, namespace: string): void {
  const allowed = context.scope.namespaces;
  if (allowed && !allowed.includes(namespace)) {
    throw new CodedError(
      "out_of_scope",
      `Namespace ${namespace} is outside this conversation's scope (allowed: ${allowed.join(", ")})`,
    );
  }
}

const LISTED_NAMESPACES = 3;

/** " in shop", " in shop, web", " in 5 namespaces", " in all namespaces", "" for cluster-scoped kinds. */
export function describeTarget(target: NamespaceTarget): string {
  if (target.allNamespaces) {
    if (target.namespaces[0] === undefined) return " in all namespaces";
    const count = target.namespaces.length;
    return count <= LISTED_NAMESPACES ? ` in ${target.namespaces.join(", ")}` : ` in ${count} namespaces`;
  }
  return target.namespace ? ` in ${target.namespace}` : "";
}

/**
 * describeTarget with the number of namespaces an every-namespace read covered (" in 9 namespaces"), for the
 * answers that say nothing was found: one list of Namespace objects, and the plain wording when it cannot be read.
 */
export async function describeCoverage(context: ToolContext, target: NamespaceTarget): Promise<string> {
  if (!target.allNamespaces || target.namespaces[0] !== undefined) return describeTarget(target);
  const count = await countCovered(context, target);
  return count ? ` in all ${count} namespaces` : describeTarget(target);
}

/** How many namespaces a read of several covered; undefined for one namespace, or when they cannot be listed. */
export async function countCovered(
  context: ToolContext,
  target: NamespaceTarget,
): Promise<number | undefined> {
  if (!target.allNamespaces) return undefined;
  if (target.namespaces[0] !== undefined) return target.namespaces.length;
  try {
    const type = await resolveKind(context.cluster, "namespaces");
    return (await context.cluster.listTable(type, {})).rows.length || undefined;
  } catch {
    return undefined;
  }
}
