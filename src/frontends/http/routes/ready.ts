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

/** What GET /api/v1/ready reads: the dependencies' state, and whether the process is shutting down. */
export interface ReadinessSource {
  checks: () => Promise<Readiness>;
  /** True once SIGTERM arrived: the Service should stop sending new requests. */
  draining?: () => boolean;
}

const READINESS_TIMEOUT_MS = 5_000;

/**
 * GET /api/v1/ready reflects the process: 200 while it takes requests, 503 only while it drains. A cache
 * or cluster outage leaves it ready (answers still work from the other, or say plainly the cluster is
 * unreachable) and shows in the body as `degraded`, with the reasons; taking every replica out of the
 * Service for a Redis outage would turn a degraded service into none.
 */
export function mountReadyRoute(router: Router, source: ReadinessSource): void {
  router
    .route("/ready")
    .get(async (_req, res) => {
      if (source.draining?.()) {
        res.status(503).json({ status: "draining", reasons: ["the process is shutting down"] });
        return;
      }
      const checks = withoutAddresses(await checkWithin(source.checks, READINESS_TIMEOUT_MS));
      const reasons = Object.entries(checks)
        .filter(([, check]) => !check.ok)
        .map(([name, check]) => `${name}: ${check.message ?? "not ready"}`);
      res.status(200).json({
        status: reasons.length === 0 ? "ready" : "degraded",
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
