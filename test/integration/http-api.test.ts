import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer, TablePart } from "../../src/core/answer.js";
import { type HttpStack, postQuery, startHttpStack } from "../frontends/http/start-http-stack.js";
import { kubectlNames } from "../helpers/kubectl.js";

let stack: HttpStack;

beforeAll(async () => {
  stack = await startHttpStack();
});
afterAll(async () => {
  await stack?.close();
});

function tableParts(answer: Answer): TablePart[] {
  return answer.parts.filter((part): part is TablePart => part.type === "table");
}

describe("GET /api/v1/health", () => {
  it("answers exactly as the seed did", async () => {
    const response = await fetch(`${stack.url}/api/v1/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.text()).toBe('{"status":"healthy"}');
  });
});

describe("GET /api/v1/ready", () => {
  it("is ready when the cluster and the cache answer", async () => {
    const response = await fetch(`${stack.url}/api/v1/ready`);
    const body = await response.json();
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ status: "ready", checks: { cluster: { ok: true }, cache: { ok: true } } });
    expect(body.reasons).toBeUndefined();
  });
});

describe("GET /api/v1/tools", () => {
  it("lists the catalogue with each tool's arguments as JSON Schema", async () => {
    const response = await fetch(`${stack.url}/api/v1/tools`);
    expect(response.status).toBe(200);
    const { tools } = (await response.json()) as {
      tools: { name: string; description: string; args: Record<string, unknown> }[];
    };
    expect(tools.map((tool) => tool.name)).toEqual(stack.answers.tools.map((tool) => tool.name));
    expect(tools.map((tool) => tool.name)).toEqual(
      expect.arrayContaining(["get_resources", "describe_resource", "get_pod_logs", "diagnose"]),
    );
    const getResources = tools.find((tool) => tool.name === "get_resources")!;
    expect(getResources.description.length).toBeGreaterThan(10);
    expect(getResources.args).toMatchObject({
      type: "object",
      properties: { kind: expect.any(Object) },
      required: ["kind"],
    });
  });
});

describe("POST /api/v1/query", () => {
  it("answers a seed question with the kube-system services kubectl sees", async () => {
    const response = await postQuery(stack.url, { query: "查看kube-system命名空间中的服务" });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as Answer;
    expect(response.headers.get("x-request-id")).toBe(answer.requestId);
    expect(answer).toMatchObject({ planner: "builtin", cached: false, refusal: null, language: "zh" });
    expect(answer.summary.length).toBeGreaterThan(0);
    expect(answer.calls).toEqual([
      expect.objectContaining({
        tool: "get_resources",
        ok: true,
        args: expect.objectContaining({ kind: "services", namespace: "kube-system" }),
      }),
    ]);
    expect(answer.timings).toEqual({
      totalMs: expect.any(Number),
      planningMs: expect.any(Number),
      clusterMs: expect.any(Number),
      llmMs: 0,
    });
    expect(Number.isNaN(Date.parse(answer.computedAt))).toBe(false);

    const [table] = tableParts(answer);
    const names = table!.rows.map((row) => String(row[table!.nameColumn ?? 0])).sort();
    expect(names).toEqual(await kubectlNames(stack.cluster.kubeconfigPath, "services", "kube-system"));
    expect(names.length).toBeGreaterThan(0);
  });

  it("serves the same question from the answer cache, and skips the cache when asked for a fresh answer", async () => {
    const body = { query: "show the pods in kube-system" };
    const first = (await (await postQuery(stack.url, body)).json()) as Answer;
    const second = (await (await postQuery(stack.url, body)).json()) as Answer;
    const fresh = (await (await postQuery(stack.url, { ...body, fresh: true })).json()) as Answer;
    expect(second.cached).toBe(true);
    expect(second.computedAt).toBe(first.computedAt);
    expect(fresh.cached).toBe(false);
    const names = tableParts(fresh)[0]!
      .rows.map((row) => String(row[0]))
      .sort();
    expect(names).toEqual(await kubectlNames(stack.cluster.kubeconfigPath, "pods", "kube-system"));
  });

  it("uses the namespace field when the question names none", async () => {
    const response = await postQuery(stack.url, { query: "list services", namespace: "kube-system" });
    const answer = (await response.json()) as Answer;
    expect(response.status).toBe(200);
    const [table] = tableParts(answer);
    expect(table!.rows.map((row) => String(row[table!.nameColumn ?? 0])).sort()).toEqual(
      await kubectlNames(stack.cluster.kubeconfigPath, "services", "kube-system"),
    );
  });

  it("400 with the reason when the requested planner is not configured", async () => {
    const response = await postQuery(stack.url, { query: "list pods", planner: "openai" });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error).toMatchObject({ code: "bad_request", message: expect.stringContaining("LLM") });
  });

  it("refuses a write request with 200, a reason and no calls", async () => {
    const requestsBefore = stack.cluster.requests.length;
    const response = await postQuery(stack.url, { query: "delete all pods in kube-system" });
    const answer = (await response.json()) as Answer;
    expect(response.status).toBe(200);
    expect(answer.refusal).toEqual(expect.any(String));
    expect(answer.calls).toEqual([]);
    expect(stack.cluster.requests.slice(requestsBefore).every((request) => request.method === "GET")).toBe(
      true,
    );
  });
});

describe("bad requests", () => {
  const cases: [string, string, Record<string, string>, number, string][] = [
    ["no query", JSON.stringify({}), {}, 400, "query"],
    ["query not a string", JSON.stringify({ query: 42 }), {}, 400, "query"],
    ["empty query", JSON.stringify({ query: "   " }), {}, 400, "query"],
    ["query over 2,000 characters", JSON.stringify({ query: "x".repeat(2_001) }), {}, 400, "query"],
    ["unknown key", JSON.stringify({ query: "pods", qurey: "pods" }), {}, 400, ""],
    ["bad namespace", JSON.stringify({ query: "pods", namespace: "Kube_System" }), {}, 400, "namespace"],
    ["unknown planner", JSON.stringify({ query: "pods", planner: "gpt" }), {}, 400, "planner"],
    ["fresh not a boolean", JSON.stringify({ query: "pods", fresh: "yes" }), {}, 400, "fresh"],
    ["an array", JSON.stringify([{ query: "pods" }]), {}, 400, ""],
    ["malformed JSON", '{"query": "pods"', {}, 400, ""],
    ["a JSON string", '"pods"', {}, 400, ""],
  ];
  it.each(cases)("%s → %i", async (_name, body, headers, status, problemPath) => {
    const response = await postQuery(stack.url, body, headers);
    expect(response.status).toBe(status);
    const { error } = await response.json();
    expect(error).toMatchObject({ code: "bad_request", message: expect.any(String) });
    if (problemPath)
      expect(error.problems.map((problem: { path: string }) => problem.path)).toContain(problemPath);
  });

  it("400 without a body", async () => {
    const response = await fetch(`${stack.url}/api/v1/query`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe("bad_request");
  });

  it("413 over 16 KiB", async () => {
    const response = await postQuery(stack.url, { query: "pods", padding: "x".repeat(17 * 1024) });
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("payload_too_large");
  });

  it.each([
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/json; charset=latin1",
  ])("415 for %s", async (contentType) => {
    const response = await postQuery(stack.url, '{"query":"pods"}', { "Content-Type": contentType });
    expect(response.status).toBe(415);
    expect((await response.json()).error.code).toBe("unsupported_media_type");
  });

  it("404 as JSON for unknown paths, API or not", async () => {
    for (const path of ["/api/v1/nope", "/api/v2/query", "/nope.html"]) {
      const response = await fetch(`${stack.url}${path}`);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expect((await response.json()).error.code).toBe("not_found");
    }
  });

  it("405 with Allow for the wrong method", async () => {
    const get = await fetch(`${stack.url}/api/v1/query`);
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    const del = await fetch(`${stack.url}/api/v1/health`, { method: "DELETE" });
    expect(del.status).toBe(405);
    expect(del.headers.get("allow")).toBe("GET, HEAD");
    expect((await del.json()).error.code).toBe("method_not_allowed");
  });

  it("400 as JSON for a malformed URL", async () => {
    const response = await fetch(`${stack.url}/api/v1/%E0%A4%A`);
    expect([400, 404]).toContain(response.status);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  });
});

describe("the page", () => {
  it("serves the web UI and its assets with a strict content security policy", async () => {
    const page = await fetch(`${stack.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    const html = await page.text();
    expect(html).toContain("查看kube-system命名空间中的服务");
    expect(html).not.toMatch(/https?:\/\//);
    for (const asset of ["app.js", "render-answer.js", "style.css"]) {
      const response = await fetch(`${stack.url}/${asset}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(
        asset.endsWith(".js") ? /javascript/ : /text\/css/,
      );
    }
  });
});
