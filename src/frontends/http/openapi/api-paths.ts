/** The /api/v1 routes as OpenAPI path items, one entry per route file in ../routes. */
type Operation = Record<string, unknown>;
export type PathItem = Partial<Record<"get" | "post", Operation>>;

const json = (schema: string) => ({
  content: { "application/json": { schema: { $ref: `#/components/schemas/${schema}` } } },
});
const error = (description: string) => ({ description, ...json("Error") });
const bearer = [{ bearer: [] }];

const health: PathItem = {
  get: {
    operationId: "health",
    summary: "Liveness: the process is up",
    responses: { 200: { description: "up", ...json("Health") } },
  },
};

const ready: PathItem = {
  get: {
    operationId: "ready",
    summary: "Readiness: the cluster and the cache answer",
    responses: {
      200: { description: "ready", ...json("Readiness") },
      503: { description: "not ready, with the reasons", ...json("Readiness") },
    },
  },
};

const tools: PathItem = {
  get: {
    operationId: "tools",
    summary: "The read-only tools and their arguments (JSON Schema)",
    security: bearer,
    responses: { 200: { description: "the catalogue", ...json("Tools") }, 401: error("no or wrong token") },
  },
};

const query: PathItem = {
  post: {
    operationId: "query",
    summary: "Ask a question; get the Answer",
    description:
      "An answer that could not be given still has the Answer's shape, with `error` set; its status says why " +
      "(400 bad_request, 403 refused or out of scope, 404 not_found, 409 ambiguous, 503 unreachable, 504 timeout).",
    security: bearer,
    requestBody: { required: true, ...json("QueryRequest") },
    responses: {
      200: { description: "the answer (a refusal too: `refusal` is set)", ...json("Answer") },
      400: error(
        "the body is not a valid question (`problems` lists each field), or the answer's bad_request",
      ),
      401: error("no or wrong token"),
      403: {
        description: "the answer could not be given: refused or out of the caller's scope",
        ...json("Answer"),
      },
      404: { description: "the object or namespace does not exist", ...json("Answer") },
      409: { description: "a name matches several objects", ...json("Answer") },
      413: error("the body is over 16 KiB"),
      415: error("the body is not application/json"),
      429: error("too many questions from this caller; see Retry-After"),
      503: { description: "the cluster is unreachable", ...json("Answer") },
    },
  },
};

const openapi: PathItem = {
  get: {
    operationId: "openapi",
    summary: "This document",
    responses: { 200: { description: "OpenAPI 3.1", content: { "application/json": {} } } },
  },
};

/**
 * Keyed by the path under /api/v1. A new route adds its entry here (POST /alerts, when it lands, goes in as
 * `"/alerts": alerts`); test/frontends/http/openapi.test.ts fails while a route and this list disagree.
 */
export const apiPaths: Record<string, PathItem> = {
  "/health": health,
  "/ready": ready,
  "/tools": tools,
  "/query": query,
  "/openapi.json": openapi,
};
