import express, { type Express, type RequestHandler } from "express";
import type { Logger } from "../../core/ports.js";
import { requireBearerToken } from "../http/access.js";
import { methodNotAllowed, sendError } from "../http/http-errors.js";
import { parseAlertGroup } from "./alert-payload.js";
import { type AlertPosterDeps, handleAlertGroup } from "./alert-poster.js";

/** Alertmanager sends at most 1,000 alerts a group by default; a few MB covers them with their annotations. */
export const MAX_ALERT_BODY = "4mb";

/**
 * POST /api/v1/alerts: Alertmanager's webhook. Its own bearer token (Alertmanager's
 * `http_config.authorization`); without K8HELPER_ALERTS_TOKEN the route is not mounted at all (404).
 */
export function mountAlertsRoute(
  app: Express,
  deps: AlertPosterDeps & { token: string; logger: Logger },
): void {
  app
    .route("/api/v1/alerts")
    .post(
      requireBearerToken(deps.token, "K8HELPER_ALERTS_TOKEN"),
      requireJson,
      express.json({ limit: MAX_ALERT_BODY, strict: true }),
      receiveAlerts(deps),
    )
    .all(methodNotAllowed("POST"));
}

const requireJson: RequestHandler = (req, res, next) => {
  if (!req.is("application/json"))
    return sendError(
      res,
      415,
      "unsupported_media_type",
      "Send Alertmanager's webhook JSON (Content-Type: application/json).",
    );
  next();
};

function receiveAlerts(deps: AlertPosterDeps & { logger: Logger }): RequestHandler {
  return async (req, res, next) => {
    const parsed = parseAlertGroup(req.body);
    if ("problems" in parsed) {
      return sendError(
        res,
        400,
        "bad_request",
        "Not an Alertmanager webhook payload (version 4).",
        parsed.problems.slice(0, 20).map((message) => ({ path: message.split(":")[0], message })),
      );
    }
    try {
      const outcome = await handleAlertGroup(deps, parsed.group);
      deps.logger.info(
        {
          event: "alert_group",
          action: outcome.action,
          channel: outcome.channel,
          alerts: parsed.group.alerts.length,
        },
        "alert group received",
      );
      res.status(200).json(outcome);
    } catch (error) {
      next(error);
    }
  };
}
