import type { Router } from "express";
import { methodNotAllowed } from "../http-errors.js";
import { openApiDocument } from "../openapi/openapi-document.js";

/** GET /api/v1/openapi.json: the API's own description (no token: it holds nothing about the cluster). */
export function mountOpenApiRoute(router: Router): void {
  const document = JSON.stringify(openApiDocument());
  router
    .route("/openapi.json")
    .get((_req, res) => {
      res.type("application/json").send(document);
    })
    .all(methodNotAllowed("GET"));
}
