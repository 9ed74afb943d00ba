import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CodedError, type ErrorCode } from "../../../src/core/errors.js";
import type { Logger } from "../../../src/core/ports.js";
import { errorHandler, methodNotAllowed, notFound } from "../../../src/frontends/http/http-errors.js";

const logged: Record<string, unknown>[] = [];
const logger: Logger = {
  debug() {},
  info() {},
  warn: (fields) => void logged.push(fields),
  error: (fields) => void logged.push(fields),
};
let server: Server;
let url: string;

/** A real express app whose routes throw what the pipeline, body-parser or a bug might throw. */
beforeAll(async () => {
  const app = express();
  app.get("/coded/:code", (req) => {
    throw new CodedError(req.params.code as ErrorCode, `coded ${req.params.code}`);
  });
  app.get("/bug", () => {
    throw new TypeError("Cannot read properties of undefined (reading 'x')");
  });
  app.get("/async-bug", async () => {
    await Promise.resolve();
    throw new Error("rejected in an async handler");
  });
  app.get("/client-error", () => {
    throw Object.assign(new Error("URIError: URI malformed"), { status: 400 });
  });
  app.get("/forbidden-path", () => {
    throw Object.assign(new Error("forbidden"), { statusCode: 403 });
  });
  app
    .route("/only-post")
    .post((_req, res) => void res.end())
    .all(methodNotAllowed("POST"));
  app.use(notFound);
  app.use(errorHandler(logger));
  server = await new Promise<Server>((resolve) => {
    const started = app.listen(0, "127.0.0.1", () => resolve(started));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

async function get(path: string, init?: RequestInit) {
  const response = await fetch(`${url}${path}`, init);
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    text,
    body: JSON.parse(text),
  };
}

describe("errorHandler", () => {
  it.each([
    ["bad_request", 400],
    ["refused", 403],
    ["out_of_scope", 403],
    ["forbidden", 403],
    ["not_found", 404],
    ["ambiguous", 409],
    ["rate_limited", 429],
    ["unreachable", 503],
    ["timeout", 504],
    ["llm_error", 502],
    ["config", 500],
  ])("maps CodedError %s to %i with its plain message", async (code, status) => {
    const response = await get(`/coded/${code}`);
    expect(response.status).toBe(status);
    expect(response.body).toEqual({ error: { code, message: `coded ${code}` } });
  });

  it("answers a bug with a generic 500: logged, never shown", async () => {
    for (const path of ["/bug", "/async-bug"]) {
      const response = await get(path);
      expect(response.status).toBe(500);
      expect(response.type).toMatch(/^application\/json/);
      expect(response.body.error.code).toBe("server_error");
      expect(response.text).not.toMatch(/undefined|rejected|at |\.ts/);
    }
    expect(
      logged.filter((fields) => fields.event === "http_error" && fields.error instanceof Error),
    ).toHaveLength(2);
  });

  it("keeps client error statuses from express and its parsers, with its own words", async () => {
    expect(await get("/client-error")).toMatchObject({
      status: 400,
      body: { error: { code: "bad_request" } },
    });
    expect(await get("/forbidden-path")).toMatchObject({
      status: 403,
      body: { error: { code: "forbidden" } },
    });
  });

  it("404 and 405 as JSON", async () => {
    expect(await get("/nowhere")).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
    expect(await get("/only-post")).toMatchObject({
      status: 405,
      body: { error: { code: "method_not_allowed" } },
    });
    const options = await fetch(`${url}/only-post`, { method: "OPTIONS" });
    expect(options.status).toBe(204);
    expect(options.headers.get("allow")).toBe("POST");
  });
});
