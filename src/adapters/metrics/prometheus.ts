import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";
import type { Answer } from "../../core/answer.js";
import type { AnswerObserver } from "../../core/ports.js";
import type { Question } from "../../core/question.js";
import { findTool } from "../../core/tools/catalogue.js";
import { answerOutcome } from "./answer-outcome.js";

/** Seconds: answers span a cached millisecond to an LLM agent's half minute. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60];

export interface PrometheusMetrics {
  /** This process's own registry (never prom-client's global one), served at /metrics. */
  readonly registry: Registry;
  /** Counts every answer: wire it into the pipeline's observers. */
  readonly observer: AnswerObserver;
  readonly clusterRequests: Counter<"cluster" | "verb" | "resource" | "status">;
  readonly clusterRequestSeconds: Histogram<"verb">;
}

export interface PrometheusMetricsOptions {
  /** Process metrics (CPU, memory, event loop); off in tests that build many registries. */
  processMetrics?: boolean;
}

export function createPrometheusMetrics(options: PrometheusMetricsOptions = {}): PrometheusMetrics {
  const registry = new Registry();
  const registers = [registry];
  if (options.processMetrics) collectDefaultMetrics({ register: registry, prefix: "k8helper_" });

  const questions = new Counter({
    name: "k8helper_questions_total",
    help: "Questions answered, by front end, planner and outcome (answered, refused, error, cached).",
    labelNames: ["frontend", "planner", "outcome"] as const,
    registers,
  });
  const refusals = new Counter({
    name: "k8helper_refusals_total",
    help: "Questions refused (write requests, secrets, out-of-scope namespaces), by front end.",
    labelNames: ["frontend"] as const,
    registers,
  });
  const answerSeconds = new Histogram({
    name: "k8helper_answer_duration_seconds",
    help: "Time to answer a question, by phase: total, planning, cluster, llm.",
    labelNames: ["phase"] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const cacheLookups = new Counter({
    name: "k8helper_cache_lookups_total",
    help: "Plan and answer cache lookups, by result (hit or miss).",
    labelNames: ["cache", "result"] as const,
    registers,
  });
  const llmTokens = new Counter({
    name: "k8helper_llm_tokens_total",
    help: "LLM tokens spent, by direction (in, out) and model.",
    labelNames: ["direction", "model"] as const,
    registers,
  });
  const toolCalls = new Counter({
    name: "k8helper_tool_calls_total",
    help: "Tool calls run for answers, by tool and result (ok or the error code).",
    labelNames: ["tool", "result"] as const,
    registers,
  });
  const clusterRequests = new Counter({
    name: "k8helper_cluster_requests_total",
    help: "Requests to the Kubernetes API, by cluster, verb, resource and status (ok or the error code).",
    labelNames: ["cluster", "verb", "resource", "status"] as const,
    registers,
  });
  const clusterRequestSeconds = new Histogram({
    name: "k8helper_cluster_request_duration_seconds",
    help: "Time of one request to the Kubernetes API (all pages), by verb.",
    labelNames: ["verb"] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });

  const observer: AnswerObserver = {
    answered(question: Question, answer: Answer) {
      questions.inc({ frontend: question.frontend, planner: answer.planner, outcome: answerOutcome(answer) });
      if (answer.refusal !== null) refusals.inc({ frontend: question.frontend });
      const { timings } = answer;
      answerSeconds.observe({ phase: "total" }, timings.totalMs / 1000);
      // A cached answer keeps the timings of the run that computed it: count those once.
      if (!answer.cached) {
        answerSeconds.observe({ phase: "planning" }, timings.planningMs / 1000);
        if (answer.calls.length > 0) answerSeconds.observe({ phase: "cluster" }, timings.clusterMs / 1000);
        if (timings.llmMs > 0) answerSeconds.observe({ phase: "llm" }, timings.llmMs / 1000);
        for (const call of answer.calls) {
          // Made-up tool names (from an LLM or an MCP caller) share one series: labels must stay bounded.
          const tool = findTool(call.tool) ? call.tool : "unknown";
          toolCalls.inc({ tool, result: call.ok ? "ok" : (call.error?.code ?? "error") });
        }
        if (answer.tokens) {
          const model = answer.model ?? answer.planner;
          llmTokens.inc({ direction: "in", model }, answer.tokens.in);
          llmTokens.inc({ direction: "out", model }, answer.tokens.out);
        }
      }
    },
    cacheLookup(which, hit) {
      cacheLookups.inc({ cache: which, result: hit ? "hit" : "miss" });
    },
  };

  return { registry, observer, clusterRequests, clusterRequestSeconds };
}
