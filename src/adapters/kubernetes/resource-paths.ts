import type { ResourceType } from "../../core/ports.js";

/** `/api/v1` for the core group, `/apis/<group>/<version>` otherwise. */
export function groupVersionPath(type: Pick<ResourceType, "group" | "version">): string {
  return type.group === "" ? `/api/${type.version}` : `/apis/${type.group}/${type.version}`;
}

/** The collection or object path; a cluster-scoped kind never gets a namespace segment. */
export function resourcePath(type: ResourceType, namespace?: string, name?: string): string {
  const scope = type.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : "";
  const object = name ? `/${encodeURIComponent(name)}` : "";
  return `${groupVersionPath(type)}${scope}/${type.plural}${object}`;
}

/** How RBAC names the resource: `pods`, `deployments.apps`. */
export function rbacResourceName(type: ResourceType): string {
  return type.group ? `${type.plural}.${type.group}` : type.plural;
}
