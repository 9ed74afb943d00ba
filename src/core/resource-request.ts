import { CodedError } from "./errors.js";
import { apiTypeProblem, nameProblem, nameRuleFor, namespaceProblem } from "./kube-names.js";
import type { ResourceType } from "./ports.js";

/**
 * One read, resolved to what the API server will see: the only thing an API path is built from, and what the
 * Secret guard and the scope check look at. A value of this type has passed `resolveRequest`.
 */
export interface ResourceRequest {
  verb: "get" | "list";
  group: string;
  version: string;
  /** The lower-case plural: `pods`, `deployments`. */
  resource: string;
  namespaced: boolean;
  /** Set only on a namespaced resource; absent on a list across every namespace. */
  namespace?: string;
  name?: string;
  subresource?: "log";
}

export interface RequestTarget {
  namespace?: string;
  name?: string;
  subresource?: "log";
}

/**
 * A resource type and a target as one request, every part checked against Kubernetes' naming rules and the
 * Secret guard applied: CodedError `bad_request` for a name no object can have, `forbidden` for Secrets.
 * A cluster-scoped kind never carries a namespace.
 */
export function resolveRequest(
  type: Pick<ResourceType, "group" | "version" | "plural" | "namespaced">,
  target: RequestTarget = {},
): ResourceRequest {
  const request: ResourceRequest = {
    verb: target.name === undefined ? "list" : "get",
    group: type.group,
    version: type.version,
    resource: type.plural,
    namespaced: type.namespaced,
    namespace: type.namespaced ? target.namespace : undefined,
    name: target.name,
    subresource: target.subresource,
  };
  assertValidRequest(request);
  return request;
}

/** Throws unless the request is one `resolveRequest` could have produced: adapters check again before sending. */
export function assertValidRequest(request: ResourceRequest): void {
  const typeProblem = apiTypeProblem({
    group: request.group,
    version: request.version,
    plural: request.resource,
  });
  if (typeProblem)
    throw new CodedError("bad_request", `Cannot address ${describe(request)}: ${typeProblem}.`);
  assertNotSecret(request);
  if (request.namespace !== undefined) {
    if (!request.namespaced)
      throw new CodedError("bad_request", `${request.resource} are cluster-scoped: they have no namespace.`);
    const problem = namespaceProblem(request.namespace);
    if (problem)
      throw new CodedError(
        "bad_request",
        `Namespace ${JSON.stringify(request.namespace)} is not a valid namespace name: it ${problem}.`,
      );
  }
  if (request.name !== undefined) {
    const problem = nameProblem(
      request.name,
      nameRuleFor({ group: request.group, plural: request.resource }),
    );
    if (problem)
      throw new CodedError(
        "bad_request",
        `${JSON.stringify(request.name)} is not a valid name for ${request.resource}: it ${problem}.`,
      );
  }
  if (request.subresource !== undefined) {
    if (request.subresource !== "log" || request.resource !== "pods" || request.group !== "" || !request.name)
      throw new CodedError("bad_request", `Cannot read ${request.subresource} of ${describe(request)}.`);
  }
  if (request.verb !== (request.name === undefined ? "list" : "get"))
    throw new CodedError("bad_request", `A ${request.verb} of ${describe(request)} does not match its name.`);
}

/** K8Helper never reads Secrets, in whatever group a server serves a resource called that. */
export function assertNotSecret(request: Pick<ResourceRequest, "resource">): void {
  if (request.resource === "secrets") throw new CodedError("forbidden", "K8Helper never reads Secrets");
}

function describe(request: ResourceRequest): string {
  return request.group ? `${request.resource}.${request.group}` : request.resource;
}
