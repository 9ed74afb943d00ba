import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { type EarlyRoute, withEarlyRoutes } from "../../../src/frontends/http/early-routes.js";

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

async function serve(listener: RequestListener): Promise<string> {
  server = createServer(listener);
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

const answer =
  (text: string): RequestListener =>
  (_request, response) =>
    void response.end(text);

describe("early routes before the Express app", () => {
  it("sends POSTs to the route's path (query string aside) to the route, and everything else on", async () => {
    const route: EarlyRoute = { method: "POST", path: "/slack/events", handle: answer("slack") };
    const url = await serve(withEarlyRoutes([route], answer("express")));
    const text = async (path: string, method = "POST") => (await fetch(`${url}${path}`, { method })).text();
    expect(await text("/slack/events")).toBe("slack");
    expect(await text("/slack/events?ssl_check=1")).toBe("slack");
    expect(await text("/slack/events", "GET")).toBe("express");
    expect(await text("/slack/events/x")).toBe("express");
    expect(await text("/api/v1/health", "GET")).toBe("express");
  });

  it("answers 500 when the route throws before responding, and the server keeps serving", async () => {
    const route: EarlyRoute = {
      method: "POST",
      path: "/boom",
      handle: () => {
        throw new Error("boom");
      },
    };
    const url = await serve(withEarlyRoutes([route], answer("express")));
    expect((await fetch(`${url}/boom`, { method: "POST" })).status).toBe(500);
    expect(await (await fetch(`${url}/`)).text()).toBe("express");
  });
});
