import type { Express } from "express";
import type { Registry } from "prom-client";
import { methodNotAllowed } from "../http-errors.js";

/** GET /metrics: Prometheus text format from this process's registry. */
export function mountMetricsRoute(app: Express, registry: Registry): void {
  app
    .route("/metrics")
    .get(async (_req, res) => {
      const text = await registry.metrics();
      res.set("Content-Type", registry.contentType).send(text);
    })
    .all(methodNotAllowed("GET"));
}
