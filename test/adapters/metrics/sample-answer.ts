import type { Answer, CallRecord } from "../../../src/core/answer.js";
import type { Question } from "../../../src/core/question.js";

/** Answers and questions shaped as the pipeline makes them, for observer tests. */
export function sampleQuestion(extra: Partial<Question> = {}): Question {
  return {
    text: "show pods in kube-system",
    user: "U123",
    channel: "C456",
    frontend: "slack",
    scope: {},
    requestId: "req-1",
    ...extra,
  };
}

export function sampleCall(extra: Partial<CallRecord> = {}): CallRecord {
  return {
    tool: "get_resources",
    args: { kind: "pods", namespace: "kube-system" },
    ok: true,
    durationMs: 12,
    ...extra,
  };
}

export function sampleAnswer(extra: Partial<Answer> = {}): Answer {
  return {
    requestId: "req-1",
    question: "show pods in kube-system",
    language: "en",
    summary: "3 pods in kube-system, all running.",
    parts: [],
    calls: [sampleCall()],
    refusal: null,
    planner: "builtin",
    cluster: "sim",
    namespace: "kube-system",
    timings: { totalMs: 40, planningMs: 2, clusterMs: 30, llmMs: 0 },
    computedAt: "2026-11-25T12:00:00.000Z",
    cached: false,
    notes: [],
    ...extra,
  };
}
