import { describe, expect, it } from "vitest";
import { createLlmAgent } from "../../../src/core/agent/llm-agent.js";
import { createLlmPlanner } from "../../../src/core/agent/llm-planner.js";
import { createLlmPlanning } from "../../../src/core/agent/planner-modes.js";
import { CodedError } from "../../../src/core/errors.js";
import type { Plan, Planner } from "../../../src/core/ports.js";
import { toolCatalogue } from "../../../src/core/tools/catalogue.js";
import { question } from "../../helpers/question.js";
import { recordingExecutor, scriptedLlm, toolCall } from "./scripted-llm.js";

const context = { resourceTypes: [] };

function offlinePlanner(plan: Partial<Plan>): Planner & { asked: number } {
  const planner = {
    name: "builtin",
    asked: 0,
    async plan(): Promise<Plan> {
      planner.asked++;
      return { calls: [], refusal: null, confidence: 0, planner: "builtin", ...plan };
    },
  };
  return planner;
}

describe("the LLM agent", () => {
  it("is named after its provider and sends the catalogue as tools", async () => {
    const { llm, requests } = scriptedLlm([
      { toolCalls: [toolCall("cluster_overview", "")] },
      { content: "All good." },
    ]);
    const agent = createLlmAgent({ llm, tools: toolCatalogue });
    expect(agent.name).toBe("openai");
    const outcome = await agent.answer(question("how is the cluster?"), context, recordingExecutor().execute);
    expect(outcome.summary).toBe("All good.");
    expect(outcome.calls[0].record).toMatchObject({ tool: "cluster_overview", args: {} });
    expect(requests[0].tools.map((tool) => tool.name)).toEqual(toolCatalogue.map((tool) => tool.name));
  });

  it("summarises results in one call without tools", async () => {
    const { llm, requests } = scriptedLlm([{ content: "kube-system 中有 2 个服务。" }]);
    const agent = createLlmAgent({ llm, tools: toolCatalogue });
    const { execute } = recordingExecutor();
    const calls = await execute([
      { tool: "get_resources", args: { kind: "services", namespace: "kube-system" } },
    ]);
    const written = await agent.summarise(question("查看kube-system命名空间中的服务"), calls);
    expect(written).toMatchObject({ summary: "kube-system 中有 2 个服务。", tokens: { in: 100, out: 10 } });
    expect(requests[0].tools).toEqual([]);
    const user = requests[0].messages[1];
    expect(user.role === "user" && user.content).toContain(
      'get_resources {"kind":"services","namespace":"kube-system"}',
    );
  });

  it("throws llm_error when the summary comes back empty", async () => {
    const agent = createLlmAgent({ llm: scriptedLlm([{ content: "" }]).llm, tools: toolCatalogue });
    await expect(agent.summarise(question("pods"), [])).rejects.toMatchObject({ code: "llm_error" });
  });
});

describe("LLM planning for plan and eval", () => {
  it("returns the LLM's proposed calls unrun, with tokens and model", async () => {
    const { llm } = scriptedLlm([
      { toolCalls: [toolCall("get_resources", { kind: "pods", all_namespaces: true })] },
    ]);
    const plan = await createLlmPlanner({ llm, tools: toolCatalogue }).plan(
      question("kubectl get po -A"),
      context,
    );
    expect(plan).toMatchObject({
      calls: [{ tool: "get_resources", args: { kind: "pods", all_namespaces: true } }],
      refusal: null,
      planner: "openai",
      model: "scripted", // the configured model, not the reply's "scripted-1"
      tokens: { in: 100, out: 10 },
    });
  });

  it("reads a text reply with no calls as the LLM declining", async () => {
    const { llm } = scriptedLlm([{ content: "I can only read the cluster." }]);
    const plan = await createLlmPlanner({ llm, tools: toolCatalogue }).plan(
      question("delete pod web"),
      context,
    );
    expect(plan).toMatchObject({ calls: [], refusal: "I can only read the cluster." });
  });

  it("hybrid keeps a confident offline plan and never asks the LLM", async () => {
    const { llm, requests } = scriptedLlm([]);
    const builtin = offlinePlanner({
      calls: [{ tool: "get_resources", args: { kind: "nodes" } }],
      confidence: 0.9,
    });
    const planner = createLlmPlanning({
      name: "hybrid",
      builtin,
      llm: createLlmPlanner({ llm, tools: toolCatalogue }),
      hybridThreshold: 0.6,
    });
    const plan = await planner.plan(question("list nodes"), context);
    expect(plan.planner).toBe("builtin");
    expect(requests).toHaveLength(0);
  });

  it("hybrid asks the LLM when the offline planner is unsure", async () => {
    const { llm, requests } = scriptedLlm([{ toolCalls: [toolCall("diagnose", { namespace: "shop" })] }]);
    const builtin = offlinePlanner({ confidence: 0.2 });
    const planner = createLlmPlanning({
      name: "hybrid",
      builtin,
      llm: createLlmPlanner({ llm, tools: toolCatalogue }),
      hybridThreshold: 0.6,
    });
    expect((await planner.plan(question("why is checkout slow in shop?"), context)).calls).toEqual([
      { tool: "diagnose", args: { namespace: "shop" } },
    ]);
    expect(requests).toHaveLength(1);
  });

  it("keeps the offline planner's refusals, even in LLM-only mode", async () => {
    const { llm, requests } = scriptedLlm([]);
    const builtin = offlinePlanner({ refusal: "K8Helper is read-only." });
    const planner = createLlmPlanning({
      name: "openai",
      builtin,
      llm: createLlmPlanner({ llm, tools: toolCatalogue }),
    });
    expect((await planner.plan(question("delete pod web"), context)).refusal).toBe("K8Helper is read-only.");
    expect(requests).toHaveLength(0);
  });

  it("falls back to the offline plan with a one-line note when the LLM fails", async () => {
    const failing = {
      provider: "hunyuan",
      model: "m",
      chat: async () => {
        throw new CodedError("llm_error", "Hunyuan failed (HTTP 502)", { reason: "server_error" });
      },
    };
    const builtin = offlinePlanner({
      calls: [{ tool: "get_resources", args: { kind: "pods" } }],
      confidence: 0.3,
    });
    const planner = createLlmPlanning({
      name: "hunyuan",
      builtin,
      llm: createLlmPlanner({ llm: failing, tools: toolCatalogue }),
    });
    const plan = await planner.plan(question("查看pods"), context);
    expect(plan.calls).toEqual([{ tool: "get_resources", args: { kind: "pods" } }]);
    expect(plan.notes).toEqual(["大模型暂不可用（Hunyuan failed (HTTP 502)），由离线规划器回答。"]);
  });
});
