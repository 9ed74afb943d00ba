import type { Router } from "express";
import { errorMessage } from "../../../core/errors.js";
import { methodNotAllowed } from "../http-errors.js";

export interface ReadinessCheck {
  ok: boolean;
  message?: string;
}

export interface Readiness {
  cluster: ReadinessCheck;
  cache: ReadinessCheck;
}

const READINESS_TIMEOUT_MS = 5_000;

/** GET /api/v1/ready: 200 when the cluster and the cache answer, 503 with the reasons when not. */
export function mountReadyRoute(router: Router, readiness: () => Promise<Readiness>): void {
  router
    .route("/ready")
    .get(async (_req, res) => {
      const checks = await checkWithin(readiness, READINESS_TIMEOUT_MS);
      const reasons = Object.entries(checks)
        .filter(([, check]) => !check.ok)
        .map(([name, check]) => `${name}: ${check.message ?? "not ready"}`);
      res.status(reasons.length === 0 ? 200 : 503).json({
        status: reasons.length === 0 ? "ready" : "not_ready",
        checks,
        ...(reasons.length > 0 ? { reasons } : {}),
      });
    })
    .all(methodNotAllowed("GET"));
}

async function checkWithin(
  readiness: () => Promise<Readiness>,
  timeoutMs: number,
): Promise<Record<string, ReadinessCheck>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    return { ...(await Promise.race([readiness(), timeout])) };
  } catch (error) {
    return { readiness: { ok: false, message: errorMessage(error) } };
  } finally {
    clearTimeout(timer);
  }
}
