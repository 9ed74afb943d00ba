import { VERSION } from "../../../version.js";
import { schemas } from "./answer-schemas.js";
import { apiPaths } from "./api-paths.js";

export const API_PREFIX = "/api/v1";

/** The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. */
export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: "3.1.0",
    info: {
      title: "K8Helper API",
      version: VERSION,
      description:
        "A read-only Kubernetes assistant. Ask in English or Chinese; every answer has the same shape. " +
        "Without K8HELPER_API_TOKEN the server listens on loopback only and asks for no token.",
    },
    servers: [{ url: API_PREFIX }],
    paths: apiPaths,
    components: {
      schemas,
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "K8HELPER_API_TOKEN" } },
    },
  };
}
