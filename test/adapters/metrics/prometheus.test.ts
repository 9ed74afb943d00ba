import type { Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { answerOutcome } from "../../../src/adapters/metrics/answer-outcome.js";
import { createPrometheusMetrics } from "../../../src/adapters/metrics/prometheus.js";
import { sampleAnswer, sampleCall, sampleQuestion } from "./sample-answer.js";

async function value(registry: Registry, name: string, labels: Record<string, string>): Promise<number> {
  const metric = registry.getSingleMetric(name);
  if (!metric) throw new Error(`no metric ${name}`);
  const { values } = await metric.get();
  const found = values.find((entry) =>
    Object.entries(labels).every(([key, wanted]) => String(entry.labels[key]) === wanted),
  );
  return found?.value ?? 0;
}

describe("answerOutcome", () => {
  it.each([
    ["answered", sampleAnswer()],
    ["refused", sampleAnswer({ refusal: "K8Helper is read-only.", calls: [] })],
    ["cached", sampleAnswer({ cached: true })],
    [
      "error",
      sampleAnswer({ calls: [sampleCall({ ok: false, error: { code: "forbidden", message: "no" } })] }),
    ],
    ["answered", sampleAnswer({ calls: [sampleCall(), sampleCall({ ok: false })] })],
    ["answered", sampleAnswer({ calls: [] })],
    [
      "error",
      sampleAnswer({
        calls: [],
        error: { code: "bad_request", message: "The openai planner needs an LLM." },
      }),
    ],
  ] as const)("%s", (expected, answer) => {
    expect(answerOutcome(answer)).toBe(expected);
  });
});

describe("createPrometheusMetrics", () => {
  it("counts questions by front end, planner and outcome", async () => {
    const { registry, observer } = createPrometheusMetrics();
    observer.answered(sampleQuestion({ frontend: "slack" }), sampleAnswer());
    observer.answered(sampleQuestion({ frontend: "slack" }), sampleAnswer());
    observer.answered(sampleQuestion({ frontend: "http" }), sampleAnswer({ cached: true }));
    observer.answered(sampleQuestion({ frontend: "http" }), sampleAnswer({ refusal: "no", calls: [] }));

    const questions = "k8helper_questions_total";
    expect(
      await value(registry, questions, { frontend: "slack", planner: "builtin", outcome: "answered" }),
    ).toBe(2);
    expect(
      await value(registry, questions, { frontend: "http", planner: "builtin", outcome: "cached" }),
    ).toBe(1);
    expect(
      await value(registry, questions, { frontend: "http", planner: "builtin", outcome: "refused" }),
    ).toBe(1);
    expect(await value(registry, "k8helper_refusals_total", { frontend: "http" })).toBe(1);
    expect(await value(registry, "k8helper_refusals_total", { frontend: "slack" })).toBe(0);
  });

  it("observes latency per phase, leaving out phases that did not happen and cached timings", async () => {
    const { registry, observer } = createPrometheusMetrics();
    observer.answered(
      sampleQuestion(),
      sampleAnswer({ timings: { totalMs: 1500, planningMs: 500, clusterMs: 900, llmMs: 400 } }),
    );
    observer.answered(sampleQuestion(), sampleAnswer({ cached: true }));
    observer.answered(
      sampleQuestion(),
      sampleAnswer({ timings: { totalMs: 20, planningMs: 1, clusterMs: 10, llmMs: 0 } }),
    );

    const histogram = "k8helper_answer_duration_seconds";
    expect(await value(registry, `${histogram}`, { phase: "total", le: "+Inf" })).toBe(3);
    expect(await value(registry, histogram, { phase: "planning", le: "+Inf" })).toBe(2);
    expect(await value(registry, histogram, { phase: "cluster", le: "+Inf" })).toBe(2);
    expect(await value(registry, histogram, { phase: "llm", le: "+Inf" })).toBe(1);
    expect(await value(registry, histogram, { phase: "llm", le: "0.25" })).toBe(0);
    expect(await value(registry, histogram, { phase: "llm", le: "0.5" })).toBe(1);
  });

  it("counts LLM tokens by model and tool calls by result", async () => {
    const { registry, observer } = createPrometheusMetrics();
    const failed = sampleCall({
      tool: "get_pod_logs",
      ok: false,
      error: { code: "not_found", message: "no pod" },
    });
    observer.answered(
      sampleQuestion(),
      sampleAnswer({
        planner: "openai",
        model: "gpt-4o-mini",
        tokens: { in: 1200, out: 80 },
        calls: [sampleCall(), failed],
      }),
    );
    // A cached answer spent no tokens this time.
    observer.answered(
      sampleQuestion(),
      sampleAnswer({ model: "gpt-4o-mini", tokens: { in: 1200, out: 80 }, cached: true }),
    );

    expect(
      await value(registry, "k8helper_llm_tokens_total", { direction: "in", model: "gpt-4o-mini" }),
    ).toBe(1200);
    expect(
      await value(registry, "k8helper_llm_tokens_total", { direction: "out", model: "gpt-4o-mini" }),
    ).toBe(80);
    expect(await value(registry, "k8helper_tool_calls_total", { tool: "get_resources", result: "ok" })).toBe(
      1,
    );
    expect(
      await value(registry, "k8helper_tool_calls_total", { tool: "get_pod_logs", result: "not_found" }),
    ).toBe(1);
  });

  it("counts cache hits and misses", async () => {
    const { registry, observer } = createPrometheusMetrics();
    observer.cacheLookup?.("plan", true);
    observer.cacheLookup?.("answer", false);
    observer.cacheLookup?.("answer", false);
    expect(await value(registry, "k8helper_cache_lookups_total", { cache: "plan", result: "hit" })).toBe(1);
    expect(await value(registry, "k8helper_cache_lookups_total", { cache: "answer", result: "miss" })).toBe(
      2,
    );
  });

  it("keeps each registry separate and can add process metrics", async () => {
    const first = createPrometheusMetrics();
    const second = createPrometheusMetrics({ processMetrics: true });
    first.observer.answered(sampleQuestion(), sampleAnswer());
    expect(await value(second.registry, "k8helper_questions_total", { outcome: "answered" })).toBe(0);
    expect(await second.registry.metrics()).toContain("k8helper_process_cpu_seconds_total");
    expect(await first.registry.metrics()).not.toContain("process_cpu_seconds_total");
  });
});
