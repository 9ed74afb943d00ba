import { builtinTypes, type ServedType, type TypeRegistry } from "./resource-types.js";

export interface ResourceRoute {
  kind: "resource";
  group: string;
  plural: string;
  namespace?: string;
  name?: string;
  subresource?: string;
  /** The served type, when the simulator serves this resource (and subresource) at all. */
  type?: ServedType;
}

export type ApiRoute = { kind: "discovery"; path: string } | ResourceRoute | { kind: "unknown" };

/**
 * Where a request path points: a discovery document, a resource (collection, object, subresource)
 * or nothing. A resource path is authorised even when nothing serves it, as on a real server:
 * `kubectl scale` and `exec` meet 403 before they could meet 404.
 */
export function parseApiPath(path: string, types: TypeRegistry = builtinTypes): ApiRoute {
  const segments = path.split("/").filter((s) => s !== "");
  let group: string;
  let version: string;
  let rest: string[];
  if (segments[0] === "api") {
    if (segments.length <= 2) return { kind: "discovery", path };
    [group, version, rest] = ["", segments[1], segments.slice(2)];
  } else if (segments[0] === "apis") {
    if (segments.length <= 3) return { kind: "discovery", path };
    [group, version, rest] = [segments[1], segments[2], segments.slice(3)];
  } else {
    return { kind: "discovery", path };
  }
  let namespace: string | undefined;
  if (rest[0] === "namespaces" && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  if (rest.length > 3) return { kind: "unknown" };
  const [plural, name, subresource] = rest;
  const route: ResourceRoute = { kind: "resource", group, plural, namespace, name, subresource };
  const type = types.find(group, version, plural);
  const placed = type && (namespace === undefined || type.namespaced);
  const subresourceServed = subresource === undefined || (type?.subresources ?? []).includes(subresource);
  return placed && subresourceServed ? { ...route, type } : route;
}

/** The RBAC verb of a request, as the API server derives it. */
export function requestVerb(method: string, route: { name?: string }, query: Record<string, string>): string {
  switch (method) {
    case "GET":
    case "HEAD":
      if (query.watch === "true" || query.watch === "1") return "watch";
      return route.name ? "get" : "list";
    case "POST":
      return "create";
    case "PUT":
      return "update";
    case "PATCH":
      return "patch";
    case "DELETE":
      return route.name ? "delete" : "deletecollection";
    default:
      return method.toLowerCase();
  }
}
