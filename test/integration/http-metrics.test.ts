import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type HttpStack, postQuery, startHttpStack } from "../frontends/http/start-http-stack.js";

let stack: HttpStack;
beforeAll(async () => {
  stack = await startHttpStack();
});
afterAll(async () => {
  await stack?.close();
});

/** Sums the samples of a metric whose labels include every given label. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  let total = 0;
  for (const line of text.split("\n")) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? ([0-9.e+-]+|NaN|\+Inf)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[2] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) total += Number(match[3]);
  }
  return total;
}

async function scrape(): Promise<string> {
  const response = await fetch(`${stack.url}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

describe("GET /metrics", () => {
  it("moves the question, latency, cache and cluster counters as questions are answered", async () => {
    const before = await scrape();
    const question = { query: "查看kube-system命名空间中的服务" };
    expect((await postQuery(stack.url, question)).status).toBe(200);
    expect((await postQuery(stack.url, question)).status).toBe(200);
    expect((await postQuery(stack.url, { query: "delete pod coredns in kube-system" })).status).toBe(200);
    const after = await scrape();

    const delta = (name: string, labels: Record<string, string> = {}) =>
      sample(after, name, labels) - sample(before, name, labels);
    const http = { frontend: "http", planner: "builtin" };
    expect(delta("k8helper_questions_total", { ...http, outcome: "answered" })).toBe(1);
    expect(delta("k8helper_questions_total", { ...http, outcome: "cached" })).toBe(1);
    expect(delta("k8helper_questions_total", { frontend: "http", outcome: "refused" })).toBe(1);
    expect(delta("k8helper_refusals_total", { frontend: "http" })).toBe(1);
    expect(delta("k8helper_answer_duration_seconds_count", { phase: "total" })).toBe(3);
    expect(delta("k8helper_answer_duration_seconds_count", { phase: "cluster" })).toBe(1);
    expect(delta("k8helper_cache_lookups_total", { cache: "answer", result: "hit" })).toBe(1);
    expect(delta("k8helper_cache_lookups_total", { cache: "answer", result: "miss" })).toBeGreaterThanOrEqual(
      1,
    );
    expect(delta("k8helper_tool_calls_total", { tool: "get_resources", result: "ok" })).toBe(1);
    expect(
      delta("k8helper_cluster_requests_total", { verb: "list", resource: "services", status: "ok" }),
    ).toBeGreaterThanOrEqual(1);
    expect(delta("k8helper_cluster_request_duration_seconds_count", { verb: "list" })).toBeGreaterThanOrEqual(
      1,
    );
    expect(after).toContain("# TYPE k8helper_llm_tokens_total counter");
  });
});
