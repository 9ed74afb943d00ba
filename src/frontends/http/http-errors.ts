import type { ErrorRequestHandler, RequestHandler, Response } from "express";
import { type ErrorCode, isCodedError } from "../../core/errors.js";
import type { Logger } from "../../core/ports.js";

export interface Problem {
  path: string;
  message: string;
}

/** Every error leaves as `{error: {code, message, problems?}}`: never HTML, never a stack trace. */
export function sendError(
  res: Response,
  status: number,
  code: string,
  message: string,
  problems?: Problem[],
): void {
  res.status(status).json({ error: problems ? { code, message, problems } : { code, message } });
}

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  bad_request: 400,
  refused: 403,
  out_of_scope: 403,
  forbidden: 403,
  not_found: 404,
  ambiguous: 409,
  gone: 410,
  rate_limited: 429,
  config: 500,
  server_error: 502,
  llm_error: 502,
  unreachable: 503,
  timeout: 504,
};

/** The HTTP status for a CodedError's code (an error answer or a thrown error). */
export function statusForCode(code: string): number {
  return STATUS_BY_CODE[code as ErrorCode] ?? 500;
}

/** body-parser's error types, mapped to what the caller did wrong. */
const BODY_ERRORS: Record<string, [number, string, string]> = {
  "entity.too.large": [413, "payload_too_large", "The body is too large."],
  "entity.parse.failed": [400, "bad_request", "The body is not valid JSON."],
  "entity.verify.failed": [400, "bad_request", "The body could not be verified."],
  "encoding.unsupported": [415, "unsupported_media_type", "The content encoding is not supported."],
  "charset.unsupported": [415, "unsupported_media_type", "The charset is not supported: send UTF-8 JSON."],
  "request.aborted": [400, "bad_request", "The request was aborted."],
  "request.size.invalid": [400, "bad_request", "The body length does not match Content-Length."],
};

const CLIENT_ERRORS: Record<number, [string, string]> = {
  400: ["bad_request", "The request is malformed."],
  403: ["forbidden", "That path is not allowed."],
  404: ["not_found", "No such path."],
  405: ["method_not_allowed", "That method is not allowed here."],
  413: ["payload_too_large", "The request is too large."],
  414: ["uri_too_long", "The URL is too long."],
  415: ["unsupported_media_type", "That content type is not supported."],
};

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    if (res.headersSent) {
      res.end();
      return;
    }
    const bodyError = typeof error?.type === "string" ? BODY_ERRORS[error.type] : undefined;
    if (bodyError) return sendError(res, ...bodyError);
    if (isCodedError(error)) {
      const status = statusForCode(error.code);
      if (status >= 500)
        logger.warn({ event: "http_error", code: error.code, path: req.path, error: error.message });
      return sendError(res, status, error.code, error.message);
    }
    const status =
      typeof error?.status === "number"
        ? error.status
        : typeof error?.statusCode === "number"
          ? error.statusCode
          : 500;
    if (status >= 400 && status < 500) {
      const [code, message] = CLIENT_ERRORS[status] ?? ["bad_request", "The request is malformed."];
      return sendError(res, status, code, message);
    }
    logger.error(
      { event: "http_error", method: req.method, path: req.path, error },
      "unexpected error in the HTTP front end",
    );
    sendError(res, 500, "server_error", "Something went wrong on our side; the error was logged.");
  };
}

/** The last handler: an unknown path gets JSON, never express's HTML page. */
export const notFound: RequestHandler = (req, res) => {
  sendError(res, 404, "not_found", `No such path: ${req.method} ${req.path.slice(0, 200)}`);
};

/** For a known path with the wrong method; OPTIONS gets the allowed methods. */
export function methodNotAllowed(...allowed: string[]): RequestHandler {
  const allow = allowed.includes("GET") ? [...allowed, "HEAD"].join(", ") : allowed.join(", ");
  return (req, res) => {
    res.set("Allow", allow);
    if (req.method === "OPTIONS") {
      res.status(204).end();
      return;
    }
    sendError(res, 405, "method_not_allowed", `Use ${allowed.join(" or ")} here.`);
  };
}
