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
      const checks = withoutAddresses(await checkWithin(readiness, READINESS_TIMEOUT_MS));
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

/** An unauthenticated probe must not tell a caller where the API server is: URLs and host:port become "<address>". */
function withoutAddresses(checks: Record<string, ReadinessCheck>): Record<string, ReadinessCheck> {
  return Object.fromEntries(
    Object.entries(checks).map(([name, check]) => [
      name,
      check.message === undefined ? check : { ...check, message: hideAddresses(check.message) },
    ]),
  );
}

export function hideAddresses(message: string): string {
  return message
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"')]+/gi, "<address>")
    .replace(/\[[0-9a-f:.]+\](?::\d+)?/gi, "<address>")
    .replace(/\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g, "<address>")
    .replace(/(?<![\w.-])[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)*:\d{2,5}\b/gi, "<address>");
}
