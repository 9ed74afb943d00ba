/**
 * What the Redis cache saves. (1) The end-to-end time of a repeated question answered from Redis, with the LLM
 * and cluster requests it made counted (both should be 0), against the same question uncached (Refresh).
 * (2) LLM planning calls on a replay of the dev set asked three times in different orders, with the plan and
 * answer caches on Redis against no cache. The LLM is the scripted OpenAI-compatible fake (it plans from the
 * dev set's expected calls), the cluster the simulated one, Redis a real redis-server on loopback.
 */
import { readFileSync } from "node:fs";
import { loadConfig } from "../src/config/load-config.js";
import { buildContainer, type Container } from "../src/container.js";
import type { AnswerObserver } from "../src/core/ports.js";
import { silentLogger } from "../src/core/ports.js";
import type { Question } from "../src/core/question.js";
import { type SimulatedCluster, startSimulatedCluster } from "../src/demo/cluster-server.js";
import type { LlmScriptStep, RecordedLlmRequest, ScriptedServer } from "../test/fakes/llm-script.js";
import { startFakeOpenAiServer } from "../test/fakes/openai-server.js";
import { startRedisServer } from "../test/helpers/redis-server.js";
import { type Figure, reportFigures } from "./lib/report.js";
import { median, percentile } from "./lib/stats.js";

interface DevCase {
  q: string;
  expect: { tool: string; args: Record<string, unknown> }[];
  refuse?: boolean;
}

const devSet: DevCase[] = readFileSync(new URL("../eval/planner-dev.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter(Boolean)
  .map((line) => JSON.parse(line) as DevCase);

const REPEATED = "查看kube-system命名空间中的服务";
const CACHED_RUNS = 300;
const UNCACHED_RUNS = 40;

/** A question's first request (the planning call) gets the dev set's calls; later ones a one-line answer. */
function plansCorrectly(request: RecordedLlmRequest): LlmScriptStep {
  const last = request.messages.at(-1);
  if (isPlanningCall(request)) {
    const found = devSet.find((item) => item.q === last?.content);
    if (found && !found.refuse && found.expect.length > 0) {
      return {
        kind: "reply",
        toolCalls: found.expect.map((call) => ({ name: call.tool, arguments: call.args })),
      };
    }
    return { kind: "reply", content: "K8Helper only reads the cluster." };
  }
  return { kind: "reply", content: "Here is what the cluster shows." };
}

function isPlanningCall(request: RecordedLlmRequest): boolean {
  return request.tools.length > 0 && request.messages.at(-1)?.role === "user";
}

/** A fixed shuffle, so every run asks in the same three orders. */
function shuffled<T>(items: T[], seed: number): T[] {
  const result = [...items];
  let state = seed;
  for (let i = result.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = state % (i + 1);
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

let requestNumber = 0;
const ask = (text: string, fresh = false): Question => ({
  text,
  user: "bench",
  frontend: "bench",
  scope: {},
  fresh,
  requestId: `cache-${++requestNumber}`,
});

async function openContainer(
  cluster: SimulatedCluster,
  llm: ScriptedServer,
  env: Record<string, string>,
  observers: AnswerObserver[] = [],
): Promise<Container> {
  const config = loadConfig({
    env: {
      KUBECONFIG: cluster.kubeconfigPath,
      LOG_LEVEL: "silent",
      K8HELPER_PLANNER: "openai",
      OPENAI_API_KEY: "sk-bench",
      OPENAI_BASE_URL: `${llm.url}/v1`,
      K8HELPER_LLM_DAILY_TOKENS: "1000000000",
      ...env,
    },
    dotenvPath: "/nonexistent/.env",
  });
  return buildContainer(config, { logger: silentLogger, observers });
}

async function timed(container: Container, question: Question, counts: () => number[]) {
  const before = counts();
  const started = performance.now();
  const answer = await container.answers.answer(question);
  const ms = performance.now() - started;
  const after = counts();
  return { ms, answer, requests: after.map((value, i) => value - before[i]!) };
}

async function repeatedQuestion(
  cluster: SimulatedCluster,
  llm: ScriptedServer,
  redisUrl: string,
): Promise<Figure[]> {
  const container = await openContainer(cluster, llm, { REDIS_URL: redisUrl });
  const counts = () => [llm.requests.length, cluster.requests.length];
  const uncached: number[] = [];
  const cached: number[] = [];
  const uncachedRequests = [0, 0];
  const cachedRequests = [0, 0];
  let allCached = true;
  for (let i = 0; i < UNCACHED_RUNS + 3; i++) {
    const run = await timed(container, ask(REPEATED, true), counts);
    if (i < 3) continue; // warm-up: JIT, discovery, connections
    uncached.push(run.ms);
    run.requests.forEach((value, index) => {
      uncachedRequests[index]! += value;
    });
  }
  for (let i = 0; i < CACHED_RUNS + 10; i++) {
    const run = await timed(container, ask(REPEATED), counts);
    if (i < 10) continue;
    cached.push(run.ms);
    allCached &&= run.answer.cached;
    run.requests.forEach((value, index) => {
      cachedRequests[index]! += value;
    });
  }
  await container.close();
  const bench = "cache-hit";
  const perRun = (total: number, runs: number) => `${(total / runs).toFixed(1)} per question`;
  return [
    {
      bench,
      name: "repeated question from Redis, median",
      value: median(cached),
      unit: "ms",
      baseline: median(uncached),
      goal: "≤ 3 ms",
      note: `${CACHED_RUNS} runs${allCached ? ", all cached" : ", NOT all cached"}; baseline: Refresh (uncached)`,
    },
    {
      bench,
      name: "repeated question from Redis, p99",
      value: percentile(cached, 99),
      unit: "ms",
      baseline: percentile(uncached, 99),
    },
    {
      bench,
      name: "LLM requests, cached runs",
      value: cachedRequests[0]!,
      unit: "requests",
      goal: "0",
      note: `uncached: ${perRun(uncachedRequests[0]!, UNCACHED_RUNS)}`,
    },
    {
      bench,
      name: "cluster requests, cached runs",
      value: cachedRequests[1]!,
      unit: "requests",
      goal: "0",
      note: `uncached: ${perRun(uncachedRequests[1]!, UNCACHED_RUNS)}`,
    },
  ];
}

/** Planning calls and plan-cache hits for the dev set asked three times, each time in another order. */
async function replay(cluster: SimulatedCluster, llm: ScriptedServer, env: Record<string, string>) {
  let planHits = 0;
  let answerHits = 0;
  const observer: AnswerObserver = {
    answered() {},
    cacheLookup(which, hit) {
      if (hit && which === "plan") planHits += 1;
      if (hit && which === "answer") answerHits += 1;
    },
  };
  const container = await openContainer(cluster, llm, env, [observer]);
  const before = llm.requests.length;
  let questions = 0;
  for (const seed of [1, 2, 3]) {
    for (const item of shuffled(devSet, seed)) {
      await container.answers.answer(ask(item.q));
      questions += 1;
    }
  }
  await container.close();
  const planning = llm.requests.slice(before).filter(isPlanningCall).length;
  return { planning, planHits, answerHits, questions, llmRequests: llm.requests.length - before };
}

async function measure(): Promise<Figure[]> {
  const [redis, cluster, llm] = await Promise.all([
    startRedisServer(),
    startSimulatedCluster({ seed: 1 }),
    startFakeOpenAiServer({ apiKey: "sk-bench" }),
  ]);
  llm.script(...Array.from({ length: 5_000 }, () => plansCorrectly));
  try {
    const figures = await repeatedQuestion(cluster, llm, redis.url);
    const none = await replay(cluster, llm, { K8HELPER_PLAN_TTL: "0", K8HELPER_ANSWER_TTL: "0" });
    const withRedis = await replay(cluster, llm, { REDIS_URL: redis.url.replace(/\/?$/, "/1") });
    const bench = "cache-hit";
    const note = `dev set (${devSet.length}) × 3 orders = ${withRedis.questions} questions`;
    figures.push(
      { bench, name: "LLM planning calls, dev set × 3, no cache", value: none.planning, unit: "calls", note },
      {
        bench,
        name: "LLM planning calls, dev set × 3, Redis",
        value: withRedis.planning,
        unit: "calls",
        note: `${withRedis.planHits} plan-cache hits, ${withRedis.answerHits} answer-cache hits`,
      },
      {
        bench,
        name: "LLM planning calls saved",
        value: none.planning - withRedis.planning,
        unit: "calls",
        note: `${((100 * (none.planning - withRedis.planning)) / Math.max(1, none.planning)).toFixed(0)} %; all LLM requests ${none.llmRequests} → ${withRedis.llmRequests}`,
      },
    );
    return figures;
  } finally {
    await Promise.all([redis.close(), cluster.close(), llm.close()]);
  }
}

await reportFigures(measure);
