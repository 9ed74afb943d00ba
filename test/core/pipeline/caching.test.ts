import { describe, expect, it } from "vitest";
import { createMemoryCache } from "../../../src/adapters/cache/memory-cache.js";
import type { Answer } from "../../../src/core/answer.js";
import {
  answerCacheKey,
  discoveryFingerprint,
  normaliseQuestion,
  type PlanKeyParts,
  planCacheKey,
} from "../../../src/core/pipeline/cache-keys.js";
import {
  type ComputedAnswer,
  createAnswerCaching,
  replayableCalls,
} from "../../../src/core/pipeline/caching.js";
import type { Cache, Plan } from "../../../src/core/ports.js";
import { systemClock } from "../../../src/core/ports.js";
import { podType, widgetType } from "../../fixtures/resource-types.js";

const settings = { planTtlSeconds: 86_400, answerTtlSeconds: 30, toolTimeoutMs: 2_000 };

function answer(summary: string, computedAt = new Date().toISOString()): Answer {
  return {
    requestId: "r1",
    question: "pods",
    language: "en",
    summary,
    parts: [],
    calls: [{ tool: "get_resources", args: { kind: "pods" }, ok: true, durationMs: 3 }],
    refusal: null,
    planner: "builtin",
    cluster: "sim",
    timings: { totalMs: 5, planningMs: 1, clusterMs: 3, llmMs: 0 },
    computedAt,
    cached: false,
    notes: [],
  };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/** Counts computations; each waits for `release` so callers overlap. */
function slowCompute(summary: string, cacheable = true) {
  const release = deferred<void>();
  let runs = 0;
  const compute = async (): Promise<ComputedAnswer> => {
    runs += 1;
    await release.promise;
    return { answer: answer(summary), cacheable };
  };
  return { compute, release: () => release.resolve(), runs: () => runs };
}

describe("cache keys", () => {
  it.each([
    ["pods in kube-system", "pods in kube-system"],
    ["  pods   in\tkube-system?? ", "pods in kube-system"],
    ["Pods with label app=Web.", "Pods with label app=Web"],
    ["查看kube-system命名空间中的服务？", "查看kube-system命名空间中的服务"],
    ["查看服务！。", "查看服务"],
    ["Ünïcode Pods…", "Ünïcode Pods"],
    ["what's wrong in shop, payments?", "what's wrong in shop, payments"],
  ])("normalises %j to %j", (text, expected) => {
    expect(normaliseQuestion(text)).toBe(expected);
  });

  const planKey = (overrides: Partial<PlanKeyParts> = {}) =>
    planCacheKey({
      questionText: "pods in shop",
      planner: "openai",
      model: "gpt-4o-mini",
      cluster: "prod",
      scope: { namespaces: ["shop"], defaultNamespace: "shop" },
      discovery: discoveryFingerprint([podType]),
      ...overrides,
    });

  it("gives one plan key to wordings that differ in spaces and trailing punctuation only", () => {
    expect(planKey({ questionText: "pods in  shop?" })).toBe(planKey());
    expect(planKey({ model: "gpt-4o" })).not.toBe(planKey());
    expect(planKey({ planner: "hunyuan" })).not.toBe(planKey());
    expect(planKey({ questionText: "pods in payments" })).not.toBe(planKey());
  });

  it("keeps case in the plan key: label values are case-sensitive", () => {
    expect(planKey({ questionText: "pods with label app=Web" })).not.toBe(
      planKey({ questionText: "pods with label app=web" }),
    );
  });

  it("never shares a plan between clusters, scopes or discoveries", () => {
    expect(planKey({ cluster: "staging" })).not.toBe(planKey());
    expect(planKey({ scope: { namespaces: ["other"], defaultNamespace: "other" } })).not.toBe(planKey());
    expect(planKey({ scope: {} })).not.toBe(planKey());
    expect(
      planKey({ scope: { namespaces: ["shop"], defaultNamespace: "shop", clusterScopedKinds: "hidden" } }),
    ).not.toBe(planKey());
    expect(planKey({ discovery: discoveryFingerprint([podType, widgetType]) })).not.toBe(planKey());
    // The allowed namespaces are a set.
    expect(planKey({ scope: { namespaces: ["b", "a"], defaultNamespace: "a" } })).toBe(
      planKey({ scope: { namespaces: ["a", "b"], defaultNamespace: "a" } }),
    );
  });

  it("keys answers by cluster, visible namespaces, default namespace and canonical calls", () => {
    const calls = [{ tool: "get_resources", args: { kind: "pods", namespace: "shop" } }];
    const base = answerCacheKey("prod", { namespaces: ["shop", "web"], defaultNamespace: "shop" }, calls);
    const reordered = [{ tool: "get_resources", args: { namespace: "shop", kind: "pods", name: undefined } }];
    expect(
      answerCacheKey(
        "prod",
        { namespaces: ["web", "shop"], defaultNamespace: "shop", cluster: "x" },
        reordered,
      ),
    ).toBe(base);
    expect(
      answerCacheKey("staging", { namespaces: ["shop", "web"], defaultNamespace: "shop" }, calls),
    ).not.toBe(base);
    expect(answerCacheKey("prod", { namespaces: ["shop"], defaultNamespace: "shop" }, calls)).not.toBe(base);
    expect(answerCacheKey("prod", { namespaces: ["shop", "web"], defaultNamespace: "web" }, calls)).not.toBe(
      base,
    );
    expect(answerCacheKey("prod", { defaultNamespace: "shop" }, calls)).not.toBe(base);
    const other = [{ tool: "get_resources", args: { kind: "pods", namespace: "web" } }];
    expect(answerCacheKey("prod", { namespaces: ["shop", "web"], defaultNamespace: "shop" }, other)).not.toBe(
      base,
    );
  });
});

describe("plan and answer cache", () => {
  it("replays an LLM plan's calls unless they were rejected as wrong", () => {
    const executed = (tool: string, code?: string) => ({
      record: {
        tool,
        args: { kind: "pods" },
        ok: code === undefined,
        durationMs: 1,
        error: code ? { code, message: "" } : undefined,
      },
      parts: [],
      notes: [],
    });
    const calls = replayableCalls([
      executed("get_resources"),
      executed("describe_resource", "not_found"),
      executed("get_pod_logs", "out_of_scope"),
      executed("top", "timeout"),
      executed("get_events", "bad_request"),
      executed("delete_pod", "refused"),
    ]);
    expect(calls.map((call) => call.tool)).toEqual([
      "get_resources",
      "describe_resource",
      "get_pod_logs",
      "top",
    ]);
  });

  const plan: Plan = {
    calls: [{ tool: "top", args: { kind: "nodes" } }],
    refusal: null,
    confidence: 1,
    planner: "openai",
  };

  it("stores plans and answers, and stores nothing when a TTL is 0", async () => {
    const caching = createAnswerCaching(createMemoryCache(), systemClock, settings);
    await caching.putPlan("p", plan);
    expect(await caching.getPlan("p")).toEqual(plan);
    await caching.putAnswer("a", answer("3 pods"));
    expect((await caching.getAnswer("a"))?.summary).toBe("3 pods");

    const off = createAnswerCaching(createMemoryCache(), systemClock, {
      planTtlSeconds: 0,
      answerTtlSeconds: 0,
    });
    await off.putPlan("p", plan);
    await off.putAnswer("a", answer("3 pods"));
    expect(await off.getPlan("p")).toBeUndefined();
    expect(await off.getAnswer("a")).toBeUndefined();
  });

  it("treats a corrupt or foreign entry as a miss", async () => {
    const cache = createMemoryCache();
    const caching = createAnswerCaching(cache, systemClock, settings);
    await cache.set("p1", "{not json", 60);
    await cache.set("p2", JSON.stringify({ calls: "top" }), 60);
    await cache.set("a1", JSON.stringify({ summary: 3 }), 60);
    expect(await caching.getPlan("p1")).toBeUndefined();
    expect(await caching.getPlan("p2")).toBeUndefined();
    expect(await caching.getAnswer("a1")).toBeUndefined();
  });
});

describe("answerOnce (single flight)", () => {
  it("computes once for concurrent callers in one process; the others share the result", async () => {
    const cache = createMemoryCache();
    const caching = createAnswerCaching(cache, systemClock, settings);
    const slow = slowCompute("computed once");
    const callers = Array.from({ length: 5 }, () => caching.answerOnce("k", {}, slow.compute));
    slow.release();
    const results = await Promise.all(callers);
    expect(slow.runs()).toBe(1);
    expect(results.map((result) => result.shared)).toEqual([false, true, true, true, true]);
    expect(results.every((result) => result.answer.summary === "computed once")).toBe(true);
    expect((await caching.getAnswer("k"))?.summary).toBe("computed once");
    expect(await cache.get("lock:k")).toBeUndefined();
  });

  it("lets a second replica wait for the first one's answer instead of computing it again", async () => {
    const shared = createMemoryCache();
    const first = createAnswerCaching(shared, systemClock, settings);
    const second = createAnswerCaching(shared, systemClock, settings);
    const slow = slowCompute("from replica 1");
    const computing = first.answerOnce("k", {}, slow.compute);
    await Promise.resolve();
    let secondRuns = 0;
    const waiting = second.answerOnce("k", {}, async () => {
      secondRuns += 1;
      return { answer: answer("from replica 2"), cacheable: true };
    });
    setTimeout(slow.release, 60);
    const [one, two] = await Promise.all([computing, waiting]);
    expect(one).toMatchObject({ shared: false, answer: { summary: "from replica 1" } });
    expect(two).toMatchObject({ shared: true, answer: { summary: "from replica 1" } });
    expect(secondRuns).toBe(0);
  });

  it("computes on the waiting replica when the first finishes without a storable answer", async () => {
    const shared = createMemoryCache();
    const first = createAnswerCaching(shared, systemClock, settings);
    const second = createAnswerCaching(shared, systemClock, settings);
    const failing = slowCompute("a tool failed", false);
    const computing = first.answerOnce("k", {}, failing.compute);
    await Promise.resolve();
    const waiting = second.answerOnce("k", {}, async () => ({
      answer: answer("computed by replica 2"),
      cacheable: true,
    }));
    setTimeout(failing.release, 30);
    const [one, two] = await Promise.all([computing, waiting]);
    expect(one.answer.summary).toBe("a tool failed");
    expect(two).toMatchObject({ shared: false, answer: { summary: "computed by replica 2" } });
  });

  it("uses an answer another replica stored between this one's miss and its lock", async () => {
    const shared = createMemoryCache();
    const caching = createAnswerCaching(shared, systemClock, settings);
    await createAnswerCaching(shared, systemClock, settings).putAnswer("k", answer("stored just now"));
    let runs = 0;
    const result = await caching.answerOnce("k", {}, async () => {
      runs += 1;
      return { answer: answer("computed again"), cacheable: true };
    });
    expect(result).toMatchObject({ shared: true, answer: { summary: "stored just now" } });
    expect(runs).toBe(0);
    expect(await shared.get("lock:k")).toBeUndefined();
  });

  it("does not wait when the store is down (no lock can be taken or seen)", async () => {
    const down: Cache = {
      get: async () => undefined,
      set: async () => {},
      setIfAbsent: async () => false,
      delete: async () => {},
      close: async () => {},
    };
    const caching = createAnswerCaching(down, systemClock, settings);
    const result = await caching.answerOnce("k", {}, async () => ({
      answer: answer("uncached"),
      cacheable: true,
    }));
    expect(result).toMatchObject({ shared: false, answer: { summary: "uncached" } });
  });

  it("on Refresh, waits for a newer answer than the cached one", async () => {
    const shared = createMemoryCache();
    const first = createAnswerCaching(shared, systemClock, settings);
    const second = createAnswerCaching(shared, systemClock, settings);
    await first.putAnswer("k", answer("stale", "2026-01-01T00:00:00.000Z"));
    const slow = slowCompute("fresh from replica 1");
    const computing = first.answerOnce("k", { fresh: true }, slow.compute);
    await Promise.resolve();
    const waiting = second.answerOnce("k", { fresh: true }, async () => ({
      answer: answer("replica 2"),
      cacheable: true,
    }));
    setTimeout(slow.release, 60);
    const [, two] = await Promise.all([computing, waiting]);
    expect(two).toMatchObject({ shared: true, answer: { summary: "fresh from replica 1" } });
  });
});
