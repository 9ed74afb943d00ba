import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toolCatalogue } from "../../src/core/tools/catalogue.js";
import { scripted } from "../fakes/llm-script.js";
import { question } from "../helpers/question.js";
import { type LlmTestStack, startLlmStack } from "./llm-stack.js";

let stack: LlmTestStack;
beforeAll(async () => {
  stack = await startLlmStack("hunyuan", { K8HELPER_LLM_SUMMARY: "false" });
});
afterAll(() => stack?.close());

describe("the hunyuan planner end to end (native SDK, TC3-signed, real pipeline)", () => {
  it("plans through Tools, runs the calls and answers with Hunyuan's text", async () => {
    stack.llm.script(
      scripted.call("get_resources", { kind: "services", namespace: "kube-system" }),
      scripted.text("kube-system 命名空间中有 kube-dns 等服务。"),
    );
    const answer = await stack.answers.answer(question("查看kube-system命名空间中的服务", { fresh: true }));
    expect(answer.error).toBeUndefined();
    expect(answer.planner).toBe("hunyuan");
    expect(answer.model).toBe("hunyuan-turbos-latest");
    expect(answer.summary).toBe("kube-system 命名空间中有 kube-dns 等服务。");
    expect(answer.calls).toMatchObject([{ tool: "get_resources", ok: true }]);
    expect(answer.parts[0]).toMatchObject({ type: "table" });
    const [planning, reading] = stack.llm.requests.slice(-2);
    expect(planning.tools.map((tool) => tool.name)).toEqual(toolCatalogue.map((tool) => tool.name));
    expect(planning.headers["x-tc-action"]).toBe("ChatCompletions");
    expect(reading.messages.map((message) => message.role)).toEqual(["system", "user", "assistant", "tool"]);
  });

  it("falls back to the offline planner when Hunyuan returns an API error", async () => {
    stack.llm.script({
      kind: "error",
      status: 200,
      code: "InvalidParameterValue.Model",
      message: "model not found",
    });
    const answer = await stack.answers.answer(question("list pods in shop", { fresh: true }));
    expect(answer.planner).toBe("builtin");
    expect(answer.notes[0]).toMatch(
      /^The LLM was unavailable \(Hunyuan rejected the request \(InvalidParameterValue\.Model\)\): answered/,
    );
    expect(answer.parts[0]).toMatchObject({ type: "table" });
  });
});
