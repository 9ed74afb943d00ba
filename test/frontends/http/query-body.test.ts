import { describe, expect, it } from "vitest";
import { MAX_QUERY_LENGTH, parseQueryBody } from "../../../src/frontends/http/query-body.js";

describe("parseQueryBody", () => {
  it.each([
    [{ query: "list pods" }, { query: "list pods" }],
    [{ query: "  查看kube-system命名空间中的服务 " }, { query: "查看kube-system命名空间中的服务" }],
    [
      { query: "pods", namespace: "kube-system", planner: "builtin", fresh: true },
      { query: "pods", namespace: "kube-system", planner: "builtin", fresh: true },
    ],
    [{ query: "x".repeat(MAX_QUERY_LENGTH) }, { query: "x".repeat(MAX_QUERY_LENGTH) }],
  ])("accepts %j", (input, body) => {
    expect(parseQueryBody(input)).toEqual({ ok: true, body });
  });

  it.each([
    [null, ""],
    [[], ""],
    ["list pods", ""],
    [42, ""],
    [{}, "query"],
    [{ query: null }, "query"],
    [{ query: ["list pods"] }, "query"],
    [{ query: "" }, "query"],
    [{ query: "x".repeat(MAX_QUERY_LENGTH + 1) }, "query"],
    [{ query: "pods", namespace: "Kube-System" }, "namespace"],
    [{ query: "pods", namespace: "-x" }, "namespace"],
    [{ query: "pods", namespace: "x".repeat(64) }, "namespace"],
    [{ query: "pods", namespace: "../etc" }, "namespace"],
    [{ query: "pods", planner: "gpt-4" }, "planner"],
    [{ query: "pods", fresh: "true" }, "fresh"],
    [{ query: "pods", user: "admin" }, ""],
  ])("rejects %j, naming the field %j", (input, path) => {
    const parsed = parseQueryBody(input);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.length).toBeGreaterThan(0);
    expect(parsed.problems.map((problem) => problem.path)).toContain(path);
    for (const problem of parsed.problems) expect(problem.message.length).toBeGreaterThan(5);
  });

  it("lists every problem at once", () => {
    const parsed = parseQueryBody({ query: 1, namespace: "A", planner: "x" });
    expect(parsed.ok ? [] : parsed.problems.map((problem) => problem.path).sort()).toEqual([
      "namespace",
      "planner",
      "query",
    ]);
  });
});
