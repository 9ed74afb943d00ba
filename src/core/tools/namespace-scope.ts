import { CodedError } from "../errors.js";
import type { ResourceType } from "../ports.js";
import type { ToolContext } from "./define-tool.js";

/** Which namespaces a call reads. `[undefined]` means one request across every namespace (or a cluster-scoped kind). */
export interface NamespaceTarget {
  namespaces: (string | undefined)[];
  /** The one namespace the call is about, when there is one. */
  namespace?: string;
  allNamespaces: boolean;
}

export interface NamespaceArgs {
  namespace?: string;
  all_namespaces?: boolean;
}

/**
 * Applies the context's default namespace when a namespaced kind names none; `all_namespaces` under a
 * namespace-limited scope reads only the allowed namespaces; a cluster-scoped kind never gets a namespace.
 */
export function namespaceTarget(
  context: ToolContext,
  type: Pick<ResourceType, "namespaced"> | undefined,
  args: NamespaceArgs,
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
  assertInScope(context, context.defaultNamespace);
  return {
    namespaces: [context.defaultNamespace],
    namespace: context.defaultNamespace,
    allNamespaces: false,
  };
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

/** "in shop", "in all namespaces", "" for cluster-scoped kinds. */
export function describeTarget(target: NamespaceTarget): string {
  if (target.allNamespaces)
    return target.namespaces[0] === undefined ? " in all namespaces" : ` in ${target.namespaces.join(", ")}`;
  return target.namespace ? ` in ${target.namespace}` : "";
}
