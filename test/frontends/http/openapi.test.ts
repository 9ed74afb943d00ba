import { Ajv2020 } from "ajv/dist/2020.js";
import type { Express } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../../src/core/ports.js";
import { openApiDocument } from "../../../src/frontends/http/openapi/openapi-document.js";
import { parseQueryBody } from "../../../src/frontends/http/query-body.js";
import { createHttpServer, type RunningHttpServer } from "../../../src/frontends/http/server.js";
import { startTestStack, type TestStack } from "../../helpers/answer-service.js";
import { postQuery } from "./start-http-stack.js";

interface RouteLayer {
  rawPath?: string;
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: RouteLayer[] };
}

const document = openApiDocument() as {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>
  >;
  components: { schemas: Record<string, unknown> };
};
const ajv = new Ajv2020({ allErrors: true, strict: false });
ajv.addFormat("date-time", (value: string) =>
  /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value),
);
ajv.addSchema({ $id: "k8helper", components: document.components });
const validator = (name: string) => ajv.getSchema(`k8helper#/components/schemas/${name}`)!;

/** The real routes under /api/v1, read from the app's router: "METHOD /path". */
function apiRoutes(app: Express): string[] {
  const stack = (app as unknown as { router: { stack: RouteLayer[] } }).router.stack;
  const api = stack.find((layer) => layer.rawPath === "/api/v1" && layer.handle.stack);
  return (api?.handle.stack ?? []).flatMap((layer) =>
    layer.route
      ? Object.keys(layer.route.methods)
          .filter((method) => method !== "_all")
          .map((method) => `${method.toUpperCase()} ${layer.route!.path}`)
      : [],
  );
}

const documentedRoutes = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
);

/** Checks a response against what the document says that path, method and status return. */
async function expectDocumented(path: string, method: string, response: Response): Promise<unknown> {
  const documented = document.paths[path]?.[method]?.responses[String(response.status)];
  expect(documented, `${method} ${path} ${response.status} is documented`).toBeDefined();
  const body = await response.json();
  const ref = (documented!.content?.["application/json"]?.schema as { $ref?: string } | undefined)?.$ref;
  if (ref) {
    const validate = validator(ref.split("/").at(-1)!);
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
  }
  return body;
}

let stack: TestStack;
let app: Express;
let running: RunningHttpServer;

beforeAll(async () => {
  stack = await startTestStack();
  const { container } = stack;
  const server = createHttpServer({
    answers: stack.answers,
    settings: { ...container.config.server, port: 0, host: "127.0.0.1" },
    rateLimiter: container.rateLimiter,
    limits: { userPerMinute: 1_000_000 },
    readiness: () => container.readiness(),
    metrics: container.metrics.registry,
    logger: silentLogger,
  });
  app = server.app;
  running = await server.listen();
});

afterAll(async () => {
  await running?.close();
  await stack?.close();
});

describe("the OpenAPI document of /api/v1", () => {
  it("documents every route and only routes that exist", () => {
    const real = apiRoutes(app);
    expect(real.length).toBeGreaterThanOrEqual(5);
    expect([...documentedRoutes].sort()).toEqual([...real].sort());
  });

  it("is served at /api/v1/openapi.json as JSON, and compiles as JSON Schema 2020-12", async () => {
    const response = await fetch(`${running.url}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(document)));
    for (const name of Object.keys(document.components.schemas))
      expect(typeof validator(name)).toBe("function");
  });

  it.each([
    ["list pods in kube-system", 200],
    ["查看kube-system命名空间中的服务", 200],
    ["delete pod web-1", 200],
    ["describe pod no-such-pod-anywhere in default", 200],
    ["why is checkout crashing in shop?", 200],
  ])("POST /query %j: the real Answer matches the schema (status %i)", async (query, status) => {
    const response = await postQuery(running.url, { query });
    expect(response.status).toBe(status);
    await expectDocumented("/query", "post", response);
  });

  it.each([
    [{ query: "" }, 400],
    [{ query: "pods", planner: "gpt" }, 400],
    ["{not json", 400],
  ])("POST /query %j: the error matches the schema", async (body, status) => {
    const response = await postQuery(running.url, body);
    expect(response.status).toBe(status);
    const error = (await expectDocumented("/query", "post", response)) as { error: { problems?: unknown[] } };
    expect(error.error).toBeDefined();
  });

  it.each([["/health"], ["/ready"], ["/tools"]])("GET %s matches the schema", async (path) => {
    await expectDocumented(path, "get", await fetch(`${running.url}/api/v1${path}`));
  });

  it("describes the request body the server accepts and rejects", () => {
    const validate = validator("QueryRequest");
    const bodies: unknown[] = [
      { query: "pods" },
      { query: "pods", namespace: "shop", planner: "builtin", fresh: true },
      { query: "" },
      { query: "x".repeat(2_001) },
      { query: "pods", namespace: "Shop" },
      { query: "pods", planner: "gpt-4" },
      { query: "pods", fresh: "yes" },
      { query: "pods", user: "admin" },
      { query: 1 },
      {},
    ];
    for (const body of bodies) expect(validate(body), JSON.stringify(body)).toBe(parseQueryBody(body).ok);
  });

  it.each([
    ["c-1", true],
    ["A_b-9".repeat(12), true],
    ["x".repeat(64), true],
    ["x".repeat(65), false],
    ["", false],
    ["a b", false],
    ["a/b", false],
    ["会话", false],
  ])("documents conversation %j as valid: %s", (conversation, valid) => {
    expect(validator("QueryRequest")({ query: "pods", conversation })).toBe(valid);
    const answer = validator("Answer");
    answer({ conversation });
    const patternError = (answer.errors ?? []).some(
      (error: { instancePath: string }) => error.instancePath === "/conversation",
    );
    expect(patternError).toBe(!valid);
  });
});
