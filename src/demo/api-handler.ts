import { answerReview } from "./access-reviews.js";
import { aggregatedDiscovery } from "./aggregated-discovery.js";
import { parseApiPath, requestVerb } from "./api-routes.js";
import { methodNotAllowed, pathNotFound } from "./api-status.js";
import { apiGroupDocument, apiGroupList, apiResourceList, apiVersions, serverVersion } from "./discovery.js";
import { negotiateDiscovery } from "./media-types.js";
import {
  allowsNonResource,
  allowsResource,
  forbiddenPath,
  forbiddenResource,
  type PolicyRule,
} from "./rbac.js";
import { type ApiReply, type ReadContext, readResource } from "./resource-reads.js";
import { builtinTypes, type TypeRegistry } from "./resource-types.js";

export interface ApiState {
  rules: PolicyRule[];
  read: ReadContext;
  serverAddress: string;
  /** What the server serves: the demo's built-in types unless a snapshot brought its own. */
  types?: TypeRegistry;
  /** `/version` as the snapshot recorded it; the simulator's own otherwise. */
  version?: Record<string, unknown>;
}

export interface ApiRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  accept: string;
  /** Decodes the request body (415 for a media type the simulator cannot read). */
  body: (resource: string) => unknown;
  user: string;
}

const json = (body: unknown): ApiReply => ({
  status: 200,
  body: JSON.stringify(body),
  contentType: "application/json",
});

function discoveryDocument(path: string, state: ApiState, types: TypeRegistry, accept: string): ApiReply {
  const trimmed = path.replace(/\/+$/, "") || "/";
  const media = negotiateDiscovery(accept);
  if ((trimmed === "/api" || trimmed === "/apis") && media.form === "aggregated") {
    return {
      status: 200,
      body: JSON.stringify(aggregatedDiscovery(trimmed === "/api", media.version, types)),
      contentType: `application/json;g=apidiscovery.k8s.io;v=${media.version};as=APIGroupDiscoveryList`,
    };
  }
  if (["/healthz", "/livez", "/readyz"].includes(trimmed))
    return { status: 200, body: "ok", contentType: "text/plain" };
  if (trimmed === "/version") return json(state.version ?? serverVersion);
  if (trimmed === "/api") return json(apiVersions(state.serverAddress));
  if (trimmed === "/apis") return json(apiGroupList(types));
  const segments = trimmed.split("/").filter(Boolean);
  let document: Record<string, unknown> | undefined;
  if (segments[0] === "api" && segments.length === 2) document = apiResourceList("", segments[1], types);
  if (segments[0] === "apis" && segments.length === 2) document = apiGroupDocument(segments[1], types);
  if (segments[0] === "apis" && segments.length === 3)
    document = apiResourceList(segments[1], segments[2], types);
  if (!document) throw pathNotFound();
  return json(document);
}

/**
 * One API request, authorised by the RBAC rules before anything else, as a real API server does:
 * a write verb or a Secret is refused with 403 before the read-only simulator would say 405.
 */
export function handleApiRequest(state: ApiState, request: ApiRequest, now: number): ApiReply {
  const types = state.types ?? builtinTypes;
  const route = parseApiPath(request.path, types);
  if (route.kind === "unknown") throw pathNotFound();
  if (route.kind === "discovery") {
    const verb = request.method === "HEAD" ? "get" : request.method.toLowerCase();
    if (!allowsNonResource(state.rules, request.path, verb))
      throw forbiddenPath(request.user, request.path, verb);
    if (verb !== "get") throw methodNotAllowed(request.method);
    return discoveryDocument(request.path, state, types, request.accept);
  }
  const verb = requestVerb(request.method, route, request.query);
  const attrs = {
    verb,
    group: route.group,
    resource: route.plural,
    subresource: route.subresource,
    name: route.name,
    namespace: route.namespace,
  };
  if (!allowsResource(state.rules, attrs)) throw forbiddenResource(request.user, attrs);
  if (!route.type) throw pathNotFound();
  if (verb === "create" && route.type.group === "authorization.k8s.io") {
    const review = answerReview(route.type.plural, request.body(route.type.plural), state.rules);
    return { status: 201, body: JSON.stringify(review), contentType: "application/json" };
  }
  if (!["get", "list", "watch"].includes(verb)) throw methodNotAllowed(request.method);
  return readResource(
    {
      type: route.type,
      namespace: route.namespace,
      name: route.name,
      subresource: route.subresource,
      query: request.query,
      accept: request.accept,
      watch: verb === "watch",
    },
    state.read,
    now,
  );
}
