import type { KubeObject, ListOptions, ResourceTable, ResourceType } from "../ports.js";
import type { ToolContext } from "./define-tool.js";
import type { NamespaceTarget } from "./namespace-scope.js";

type Selectors = Omit<ListOptions, "namespace">;

/** The server-side Table for every namespace of the target, joined. */
export async function listTableAcross(
  context: ToolContext,
  type: ResourceType,
  target: NamespaceTarget,
  selectors: Selectors = {},
): Promise<ResourceTable> {
  const tables = await Promise.all(
    target.namespaces.map((namespace) => context.cluster.listTable(type, { ...selectors, namespace })),
  );
  return { columns: tables[0]?.columns ?? [], rows: tables.flatMap((table) => table.rows) };
}

/** Full objects for every namespace of the target, joined. */
export async function listAcross(
  context: ToolContext,
  type: ResourceType,
  target: NamespaceTarget,
  selectors: Selectors = {},
): Promise<KubeObject[]> {
  const lists = await Promise.all(
    target.namespaces.map((namespace) => context.cluster.list(type, { ...selectors, namespace })),
  );
  return lists.flat();
}
