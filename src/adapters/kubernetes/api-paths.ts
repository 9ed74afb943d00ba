import { CodedError } from "../../core/errors.js";
import { nameProblem } from "../../core/kube-names.js";
import { assertValidRequest, type ResourceRequest } from "../../core/resource-request.js";

/**
 * Where a read goes. The only place in src that builds Kubernetes API paths: from a resolved resource
 * request (checked again here, since this is the last step before the wire) or a discovery document.
 */
export type ApiTarget =
  | { kind: "resource"; request: ResourceRequest }
  /** `/api/v1` for the core group (""), `/apis/<group>/<version>` otherwise. */
  | { kind: "discovery"; group: string; version: string }
  /** `/api`: the core group's versions (or, aggregated, its resources). */
  | { kind: "core" }
  /** `/apis`: the list of groups. */
  | { kind: "groups" }
  | { kind: "version" };

export function apiPath(target: ApiTarget): string {
  switch (target.kind) {
    case "version":
      return "/version";
    case "core":
      return "/api";
    case "groups":
      return "/apis";
    case "discovery":
      return discoveryPath(target.group, target.version);
    case "resource":
      return resourcePath(target.request);
  }
}

function resourcePath(request: ResourceRequest): string {
  assertValidRequest(request);
  // After validation nothing needs escaping; encoding anyway keeps a segment a segment if a rule ever loosens.
  const segments = [
    ...groupVersionSegments(request.group, request.version),
    ...(request.namespace !== undefined ? ["namespaces", request.namespace] : []),
    request.resource,
    ...(request.name !== undefined ? [request.name] : []),
    ...(request.subresource !== undefined ? [request.subresource] : []),
  ];
  return `/${segments.map(encodeURIComponent).join("/")}`;
}

function discoveryPath(group: string, version: string): string {
  const segments = group === "" ? ["api", version] : ["apis", group, version];
  return `/${segments.map(checkedSegment).join("/")}`;
}

function groupVersionSegments(group: string, version: string): string[] {
  return group === "" ? ["api", version] : ["apis", group, version];
}

/** Group and version names come from the server's discovery: a hostile server could send anything. */
function checkedSegment(value: string): string {
  if (nameProblem(value, "dns1123-subdomain"))
    throw new CodedError("bad_request", `${JSON.stringify(value)} is not an API group or version name.`);
  return value;
}

/** How RBAC names the resource: `pods`, `deployments.apps`, `pods/log`. */
export function rbacResourceName(
  request: Pick<ResourceRequest, "group" | "resource" | "subresource">,
): string {
  const resource = request.subresource ? `${request.resource}/${request.subresource}` : request.resource;
  return request.group ? `${resource}.${request.group}` : resource;
}
