import { createHash, timingSafeEqual } from "node:crypto";
import type { Request, RequestHandler } from "express";
import { errorMessage } from "../../core/errors.js";
import type { Logger, RateLimiter } from "../../core/ports.js";
import { sendError } from "./http-errors.js";

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join("; ");

/** Headers for every response: no sniffing, no framing, scripts only from this server. */
export const securityHeaders: RequestHandler = (_req, res, next) => {
  res.set({
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
  });
  next();
};

/** Bearer-token check; the comparison takes the same time whatever the caller sent. */
export function requireBearerToken(
  token: string | undefined,
  setting = "K8HELPER_API_TOKEN",
): RequestHandler {
  if (!token) return (_req, _res, next) => next();
  const expected = digest(token);
  return (req, res, next) => {
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(req.get("authorization") ?? "");
    if (match && timingSafeEqual(digest(match[1]!), expected)) return next();
    res.set("WWW-Authenticate", 'Bearer realm="k8helper"');
    sendError(res, 401, "unauthorized", `Send the token: Authorization: Bearer <${setting}>.`);
  };
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

/** The caller a limit applies to: the client address (the API has no user accounts). */
export function httpUser(req: Request): string {
  return `http:${req.ip ?? req.socket.remoteAddress ?? "unknown"}`;
}

/** Questions per caller per minute; a limiter failure lets the question through (and is logged). */
export function limitQuestions(limiter: RateLimiter, perMinute: number, logger: Logger): RequestHandler {
  return async (req, res, next) => {
    try {
      const decision = await limiter.take(httpUser(req), perMinute, 60);
      if (!decision.allowed) {
        const retryAfter = Math.max(1, Math.ceil(decision.retryAfterSeconds));
        res.set("Retry-After", String(retryAfter));
        sendError(
          res,
          429,
          "rate_limited",
          `Too many questions: at most ${perMinute} a minute. Try again in ${retryAfter} s.`,
        );
        return;
      }
    } catch (error) {
      logger.warn(
        { event: "rate_limiter_failed", error: errorMessage(error) },
        "rate limiter failed; letting the question through",
      );
    }
    next();
  };
}

/** Host names a loopback-only server answers to: what a browser on this machine sends, never a rebound DNS name. */
export function isLoopbackHostHeader(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.startsWith("[") ? host.slice(1, host.indexOf("]")) : host.replace(/:\d+$/, "");
  const lower = name.toLowerCase();
  return lower === "localhost" || lower === "::1" || /^127\.\d+\.\d+\.\d+$/.test(lower);
}

/**
 * Without an API token the server listens on loopback only, but a page on another site can still reach it by
 * DNS rebinding (`rebind.attacker.example` resolving to 127.0.0.1): its requests carry that Host, so refuse them.
 */
export const requireLoopbackHost: RequestHandler = (req, res, next) => {
  if (isLoopbackHostHeader(req.headers.host)) return next();
  sendError(
    res,
    403,
    "forbidden",
    "This server answers only to localhost without an API token: set K8HELPER_API_TOKEN to serve other host names.",
  );
};
