import type { RequestListener } from "node:http";
import type { Clock } from "../../core/ports.js";

/** Slack's rule for replays: a request more than 5 minutes from now, either way, is not accepted. */
const MAX_SKEW_MS = 5 * 60 * 1_000;

/**
 * Bolt's receiver rejects signed requests older than 5 minutes but not ones dated in the future, which a
 * captured request re-signed ahead of time would be: those get 401 here, before Bolt reads them.
 */
export function rejectFutureTimestamps(listener: RequestListener, clock: Clock): RequestListener {
  return (request, response) => {
    const header = request.headers["x-slack-request-timestamp"];
    const seconds = Number(Array.isArray(header) ? header[0] : header);
    if (Number.isFinite(seconds) && seconds * 1_000 > clock.now() + MAX_SKEW_MS) {
      request.resume();
      response.writeHead(401, { "content-type": "text/plain" }).end("request timestamp is in the future");
      return;
    }
    listener(request, response);
  };
}
