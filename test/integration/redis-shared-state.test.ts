import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type SimulatedCluster, startSimulatedCluster } from "../../src/demo/cluster-server.js";
import { isFirstDelivery } from "../../src/frontends/slack/first-delivery.js";
import type { LlmScriptEntry, ScriptedServer } from "../fakes/llm-script.js";
import { scripted } from "../fakes/llm-script.js";
import { startFakeOpenAiServer } from "../fakes/openai-server.js";
import { question } from "../helpers/question.js";
import { flushRedis, type Replica, startReplica } from "../helpers/redis-replica.js";
import { type RedisServer, startRedisServer } from "../helpers/redis-server.js";

/** The LLM lists pods in the namespace the question names, then answers in one line. */
const podsAgent: LlmScriptEntry = (request) => {
  const last = request.messages.at(-1)!;
  if (last.role === "tool") return scripted.text("Here are the pods.");
  const namespace = /kube-system/i.test(last.content ?? "") ? "kube-system" : "shop";
  return scripted.call("get_resources", { kind: "pods", namespace });
};

describe("replicas share state through Redis", () => {
  let redis: RedisServer;
  let cluster: SimulatedCluster;
  let llm: ScriptedServer;
  let replicas: Replica[] = [];

  beforeAll(async () => {
    [redis, cluster, llm] = await Promise.all([
      startRedisServer(),
      startSimulatedCluster(),
      startFakeOpenAiServer({ apiKey: "sk-it" }),
    ]);
  });
  beforeEach(async () => {
    await flushRedis(redis.url);
    llm.script(...Array.from({ length: 50 }, () => podsAgent));
  });
  afterEach(async () => {
    await Promise.all(replicas.map((replica) => replica.close()));
    replicas = [];
  });
  afterAll(async () => {
    await Promise.all([redis.close(), cluster.close(), llm.close()]);
  });

  const replica = async (env: Record<string, string> = {}, withLlm = false) => {
    const llmEnv: Record<string, string> = withLlm
      ? { K8HELPER_PLANNER: "openai", OPENAI_API_KEY: "sk-it", OPENAI_BASE_URL: `${llm.url}/v1` }
      : {};
    const started = await startReplica(
      cluster,
      { REDIS_URL: redis.url, ...llmEnv, ...env },
      withLlm ? { agent: undefined } : {},
    );
    replicas.push(started);
    return started.container;
  };
  const llmRequestsDuring = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
    const before = llm.requests.length;
    const result = await work();
    return [result, llm.requests.length - before];
  };

  it("rate limits count a user's and a channel's requests on every replica together", async () => {
    const [first, second] = [await replica(), await replica()];
    const decisions = [];
    for (const container of [first, second, first, second]) {
      decisions.push(await container.rateLimiter.take("slack:user:U1", 3, 60));
    }
    expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, true, false]);
    expect(decisions[3]!.retryAfterSeconds).toBeGreaterThan(0);
    expect((await first.rateLimiter.take("slack:channel:C1", 1, 60)).allowed).toBe(true);
    expect((await second.rateLimiter.take("slack:channel:C1", 1, 60)).allowed).toBe(false);
  });

  it("a Slack retry delivered to the other replica is recognised and dropped", async () => {
    const [first, second] = [await replica(), await replica()];
    expect(await isFirstDelivery(first.cache, "Ev0123")).toBe(true);
    expect(await isFirstDelivery(second.cache, "Ev0123")).toBe(false);
    expect(await isFirstDelivery(second.cache, "Ev0456")).toBe(true);
  });

  it("a repeated question skips the LLM planning call, on either replica", async () => {
    // Answer cache off: only the plan cache can save the LLM call here.
    const env = { K8HELPER_ANSWER_TTL: "0" };
    const [first, second] = [await replica(env, true), await replica(env, true)];
    const [asked, askedCalls] = await llmRequestsDuring(() =>
      first.answers.answer(question("Pods in kube-system?")),
    );
    expect(askedCalls).toBe(2);
    expect(asked.calls).toMatchObject([
      { tool: "get_resources", ok: true, args: { kind: "pods", namespace: "kube-system" } },
    ]);

    const [again, againCalls] = await llmRequestsDuring(() =>
      first.answers.answer(question("Pods in  kube-system")),
    );
    const [elsewhere, elsewhereCalls] = await llmRequestsDuring(() =>
      second.answers.answer(question("Pods in kube-system!")),
    );
    expect([againCalls, elsewhereCalls]).toEqual([0, 0]);
    for (const answer of [again, elsewhere]) {
      expect(answer.calls).toMatchObject([{ tool: "get_resources", ok: true, args: asked.calls[0]!.args }]);
      expect(answer.cached).toBe(false);
    }
    const [, otherCalls] = await llmRequestsDuring(() => second.answers.answer(question("pods in shop")));
    expect(otherCalls).toBe(2);
    // Case is part of what was asked (label values are case-sensitive): another plan.
    const [, upperCalls] = await llmRequestsDuring(() =>
      second.answers.answer(question("PODS IN KUBE-SYSTEM")),
    );
    expect(upperCalls).toBe(2);
  });

  it("a user's daily LLM token budget is one budget across replicas", async () => {
    const env = { K8HELPER_LLM_DAILY_TOKENS: "1000" };
    const [first, second] = [await replica(env, true), await replica(env, true)];
    await first.answers.answer(question("pods in kube-system", { user: "U-budget" }));
    expect(await second.tokenBudget.remaining("U-budget")).toBe(0);

    const [overBudget, llmCalls] = await llmRequestsDuring(() =>
      second.answers.answer(question("pods in shop", { user: "U-budget" })),
    );
    expect(llmCalls).toBe(0);
    expect(overBudget.error).toBeUndefined();
    expect(overBudget.notes.join(" ")).toContain("today's LLM token budget is used up");
    expect(await first.tokenBudget.remaining("someone-else")).toBe(1000);
  });
});
