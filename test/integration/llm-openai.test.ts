import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toolCatalogue } from "../../src/core/tools/catalogue.js";
import { scripted } from "../fakes/llm-script.js";
import { question } from "../helpers/question.js";
import { type LlmTestStack, startLlmStack } from "./llm-stack.js";

let stack: LlmTestStack;
beforeAll(async () => {
  stack = await startLlmStack("openai", { K8HELPER_LLM_SUMMARY: "false" });
});
afterAll(() => stack?.close());

describe("the openai planner end to end (real pipeline, OpenAI SDK, simulated cluster)", () => {
  it("sends the catalogue as tools, runs the returned calls and answers with the LLM's text and the tables", async () => {
    const before = stack.llm.requests.length;
    stack.llm.script(
      scripted.call("diagnose", { namespace: "shop" }),
      scripted.text("checkout crash-loops in shop; catalog cannot pull its image."),
    );
    const answer = await stack.answers.answer(question("why is checkout failing in shop?", { fresh: true }));
    expect(answer.error).toBeUndefined();
    expect(answer.summary).toBe("checkout crash-loops in shop; catalog cannot pull its image.");
    expect(answer.planner).toBe("openai");
    expect(answer.rounds).toBe(2);
    expect(answer.tokens).toEqual({ in: 1_000, out: 70 });
    expect(answer.calls).toMatchObject([{ tool: "diagnose", args: { namespace: "shop" }, ok: true }]);
    const findings = answer.parts.find((part) => part.type === "findings");
    expect(findings?.type === "findings" && findings.findings.map((finding) => finding.reason)).toContain(
      "CrashLoopBackOff",
    );
    const [planning, reading] = stack.llm.requests.slice(before);
    expect(planning.tools.map((tool) => tool.name)).toEqual(toolCatalogue.map((tool) => tool.name));
    expect(reading.messages.at(-1)).toMatchObject({ role: "tool", toolCallId: "call_1_0" });
    expect(reading.messages.at(-1)?.content).toContain("CrashLoopBackOff");
  });

  it("runs a three-round conversation and answers in Chinese", async () => {
    const pods = await stack.podNames("shop");
    const checkout = pods.find((name) => name.startsWith("checkout-"))!;
    stack.llm.script(
      scripted.call("get_resources", { kind: "pods", namespace: "shop" }),
      scripted.call("describe_resource", { kind: "pods", name: checkout, namespace: "shop" }),
      scripted.text("checkout 的一个 Pod 反复崩溃重启。"),
    );
    const before = stack.llm.requests.length;
    const answer = await stack.answers.answer(
      question("shop 命名空间的 checkout 为什么不正常？", { fresh: true }),
    );
    expect(answer.summary).toBe("checkout 的一个 Pod 反复崩溃重启。");
    expect(answer.rounds).toBe(3);
    expect(answer.calls.map((call) => call.tool)).toEqual(["get_resources", "describe_resource"]);
    expect(answer.parts.length).toBeGreaterThanOrEqual(2);
    const requests = stack.llm.requests.slice(before);
    expect(requests).toHaveLength(3);
    expect(requests[2].toolChoice).toBe("none");
    expect(requests[0].messages[0].content).toContain("Answer in Chinese");
  });

  it("plans a repeated question from the plan cache, and Refresh re-reads the cluster without asking the LLM again", async () => {
    stack.llm.script(
      scripted.call("get_resources", { kind: "deployments", namespace: "data" }),
      scripted.text("ok"),
    );
    const first = await stack.answers.answer(question("anything odd with the data deployments lately?"));
    expect(first.planner).toBe("openai");
    const llmRequests = stack.llm.requests.length;
    const clusterRequests = stack.cluster.requests.length;

    const refreshed = await stack.answers.answer(
      question("anything odd with the data deployments lately?", { fresh: true }),
    );
    expect(stack.llm.requests.length).toBe(llmRequests);
    expect(refreshed.cached).toBe(false);
    expect(refreshed.calls).toMatchObject([
      { tool: "get_resources", args: { kind: "deployments", namespace: "data" }, ok: true },
    ]);
    expect(stack.cluster.requests.length).toBeGreaterThan(clusterRequests);
  });
});
