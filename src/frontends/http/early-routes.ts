import type { RequestListener } from "node:http";

/**
 * A front end served before Express, on the same port: Slack's events, whose receiver reads and verifies the raw
 * body itself. Going through Express's router first cost about 3 ms a request at the median (bench/slack-ack.ts).
 */
export interface EarlyRoute {
  method: "POST";
  path: string;
  handle: RequestListener;
}

/** Requests for an early route go to it; everything else to `rest` (the Express app). */
export function withEarlyRoutes(routes: readonly EarlyRoute[], rest: RequestListener): RequestListener {
  if (routes.length === 0) return rest;
  return (request, response) => {
    const path = (request.url ?? "").split("?")[0];
    const route = routes.find((entry) => entry.method === request.method && entry.path === path);
    if (!route) return rest(request, response);
    try {
      route.handle(request, response);
    } catch {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    }
  };
}
