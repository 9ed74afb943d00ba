import type { Router } from "express";
import { methodNotAllowed } from "../http-errors.js";

/** GET /api/v1/health: the process is up (the seed's liveness answer, unchanged). */
export function mountHealthRoute(router: Router): void {
  router
    .route("/health")
    .get((_req, res) => {
      res.json({ status: "healthy" });
    })
    .all(methodNotAllowed("GET"));
}
