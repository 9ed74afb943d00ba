import { CodedError, isNotFound } from "../errors.js";
import type { ResourceType } from "../ports.js";
import type { ToolContext } from "./define-tool.js";
import { listTableAcross } from "./list-across.js";
import { type NamespaceArgs, namespaceTarget } from "./namespace-scope.js";
import { type FoundObject, getByName } from "./resolve-name.js";

const MAX_SHOWN = 3;

/**
 * Runs a lookup by name; when it finds nothing in the default namespace the question never named, says where in
 * the conversation's scope objects of that name do live ("payments-api" asked without "in payments"). The extra
 * list is only read on that failure path.
 */
export async function withNamespaceHint<T>(
  context: ToolContext,
  type: ResourceType,
  name: string,
  args: NamespaceArgs,
  lookup: () => Promise<T>,
): Promise<T> {
  try {
    return await lookup();
  } catch (error) {
    if (!isNotFound(error)) throw error;
    if (!type.namespaced || args.namespace || args.all_namespaces) throw error;
    const elsewhere = await namespacesHolding(context, type, name).catch(() => []);
    if (elsewhere.length === 0) throw error;
    const shown = elsewhere.slice(0, MAX_SHOWN).join(", ");
    const more = elsewhere.length > MAX_SHOWN ? ` and ${elsewhere.length - MAX_SHOWN} more` : "";
    throw new CodedError(
      "not_found",
      `${error.message}; found in ${shown}${more}: ask again with the namespace`,
      {
        ...error.details,
        namespaces: elsewhere,
      },
    );
  }
}

/** getByName in `namespace`, with the hint above when the question named no namespace. */
export function getByNameWithHint(
  context: ToolContext,
  type: ResourceType,
  name: string,
  args: NamespaceArgs,
  namespace: string | undefined,
): Promise<FoundObject> {
  return withNamespaceHint(context, type, name, args, () => getByName(context, type, name, namespace));
}

/** Namespaces in scope (other than the default) with an object named `name` or starting with it. */
async function namespacesHolding(context: ToolContext, type: ResourceType, name: string): Promise<string[]> {
  const everywhere = namespaceTarget(context, type, { all_namespaces: true });
  const table = await listTableAcross(context, type, everywhere);
  const namespaces = table.rows
    .filter((row) => row.name.startsWith(name) && row.namespace && row.namespace !== context.defaultNamespace)
    .map((row) => row.namespace!);
  return [...new Set(namespaces)];
}
