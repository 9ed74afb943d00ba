/**
 * What the LLM costs per question: prompt tokens of the first call (system prompt + tools, counted with
 * gpt-tokenizer), LLM round trips per dev-set question in hybrid vs LLM-only mode, and the share of questions
 * hybrid answers without an LLM planning call. The LLM is a scripted OpenAI-compatible fake that plans
 * correctly (it reads the expected calls from the dev set), so the figures measure K8Helper, not a model.
 */
import { readFileSync } from "node:fs";
import { encode } from "gpt-tokenizer";
import { loadConfig } from "../src/config/load-config.js";
import { buildContainer } from "../src/container.js";
import { silentLogger } from "../src/core/ports.js";
import { startSimulatedCluster } from "../src/demo/cluster-server.js";
import { type ExpectedPlan, plansFromCases, type RecordedLlmRequest } from "../test/fakes/llm-script.js";
import { startFakeOpenAiServer } from "../test/fakes/openai-server.js";
import { type Figure, reportFigures } from "./lib/report.js";

const devSet: ExpectedPlan[] = readFileSync(new URL("../eval/planner-dev.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter(Boolean)
  .map((line) => JSON.parse(line) as ExpectedPlan);

const plansCorrectly = plansFromCases(devSet);

function promptTokens(request: RecordedLlmRequest): number {
  const tools = request.tools.map((tool) => ({ type: "function", function: tool }));
  return (
    encode(JSON.stringify(request.messages)).length +
    (tools.length > 0 ? encode(JSON.stringify(tools)).length : 0)
  );
}

function firstCallTokens(request: RecordedLlmRequest): { system: number; tools: number } {
  const system = request.messages.find((message) => message.role === "system")?.content ?? "";
  const tools = request.tools.map((tool) => ({ type: "function", function: tool }));
  return { system: encode(system).length, tools: encode(JSON.stringify(tools)).length };
}

interface ModeFigures {
  roundTrips: number[];
  planningCalls: number[];
  promptTokens: number[];
  first?: { system: number; tools: number };
}

async function runMode(mode: "openai" | "hybrid", summary: boolean): Promise<ModeFigures> {
  const cluster = await startSimulatedCluster({ seed: 1 });
  const llm = await startFakeOpenAiServer({ apiKey: "sk-bench" });
  const config = loadConfig({
    env: {
      KUBECONFIG: cluster.kubeconfigPath,
      LOG_LEVEL: "silent",
      K8HELPER_PLANNER: mode,
      K8HELPER_LLM_SUMMARY: String(summary),
      OPENAI_API_KEY: "sk-bench",
      OPENAI_BASE_URL: llm.baseURL,
    },
    dotenvPath: "/none",
  });
  const container = await buildContainer(config, { logger: silentLogger, observers: [] });
  const figures: ModeFigures = { roundTrips: [], planningCalls: [], promptTokens: [] };
  let n = 0;
  for (const item of devSet) {
    const before = llm.requests.length;
    llm.script(...Array.from({ length: 4 }, () => plansCorrectly));
    await container.answers.answer({
      text: item.q,
      user: "bench",
      frontend: "bench",
      scope: {},
      fresh: true,
      requestId: `l${n++}`,
    });
    const requests = llm.requests.slice(before);
    figures.roundTrips.push(requests.length);
    figures.planningCalls.push(
      requests.filter((request) => request.tools.length > 0 && request.messages.at(-1)?.role === "user")
        .length,
    );
    figures.promptTokens.push(requests.reduce((sum, request) => sum + promptTokens(request), 0));
    if (!figures.first && requests[0]?.tools.length) figures.first = firstCallTokens(requests[0]);
  }
  await container.close();
  await llm.close();
  await cluster.close();
  return figures;
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);

async function measure(): Promise<Figure[]> {
  const bench = "llm";
  const llmOnly = await runMode("openai", false);
  const hybrid = await runMode("hybrid", false);
  const hybridSummaries = await runMode("hybrid", true);
  const first = llmOnly.first ?? { system: 0, tools: 0 };
  const noPlanning = hybrid.planningCalls.filter((count) => count === 0).length;
  return [
    {
      bench,
      name: "first call: system prompt + tools",
      value: first.system + first.tools,
      unit: "tokens",
      goal: "≤ 1200",
      note: `system ${first.system}, tools ${first.tools} (gpt-tokenizer)`,
    },
    {
      bench,
      name: "LLM round trips per question, LLM-only",
      value: mean(llmOnly.roundTrips),
      unit: "calls",
      note: `${devSet.length} dev questions, max ${Math.max(...llmOnly.roundTrips)}`,
    },
    {
      bench,
      name: "LLM round trips per question, hybrid",
      value: mean(hybrid.roundTrips),
      unit: "calls",
      note: "K8HELPER_LLM_SUMMARY=false",
    },
    {
      bench,
      name: "LLM round trips per question, hybrid + summaries",
      value: mean(hybridSummaries.roundTrips),
      unit: "calls",
    },
    {
      bench,
      name: "questions with no LLM planning call, hybrid",
      value: (100 * noPlanning) / devSet.length,
      unit: "%",
      note: `${noPlanning}/${devSet.length}`,
    },
    {
      bench,
      name: "prompt tokens per question, LLM-only",
      value: mean(llmOnly.promptTokens),
      unit: "tokens",
    },
    { bench, name: "prompt tokens per question, hybrid", value: mean(hybrid.promptTokens), unit: "tokens" },
  ];
}

await reportFigures(measure);
