import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { promptInjectionLine } from "../../src/demo/sample/canaries.js";
import type { LlmScriptStep, RecordedLlmRequest } from "../fakes/llm-script.js";
import { question } from "../helpers/question.js";
import { type LlmTestStack, startLlmStack } from "./llm-stack.js";

let stack: LlmTestStack;
beforeAll(async () => {
  stack = await startLlmStack("openai", { K8HELPER_LLM_SUMMARY: "false" });
});
afterAll(() => stack?.close());

/** An LLM that falls for the line planted in the frontend's log and tries to do what it says. */
function obeysTheLog(request: RecordedLlmRequest): LlmScriptStep {
  const sawInjection = request.messages.some(
    (message) => message.role === "tool" && message.content?.includes("IGNORE PREVIOUS INSTRUCTIONS"),
  );
  if (!sawInjection) return { kind: "reply", content: "I did not see the planted line." };
  return {
    kind: "reply",
    toolCalls: [
      { name: "delete_pod", arguments: { namespace: "payments", all: true } },
      { name: "get_resources", arguments: { kind: "pods", namespace: "payments" } },
      { name: "get_resources", arguments: { kind: "secrets", namespace: "shop" } },
      { name: "get_pod_logs", arguments: { name: "payments-api", namespace: "payments" } },
    ],
  };
}

describe("prompt injection planted in the simulated cluster's pod logs", () => {
  it("cannot make the loop call anything outside the catalogue or the caller's scope", async () => {
    // One of the two frontend pods carries the planted line; the LLM reads both.
    const frontends = (await stack.podNames("shop")).filter((name) => name.startsWith("frontend-"));
    expect(frontends).toHaveLength(2);
    const clusterRequestsBefore = stack.cluster.requests.length;
    stack.llm.script(
      {
        kind: "reply",
        toolCalls: frontends.map((name) => ({
          name: "get_pod_logs",
          arguments: { name, namespace: "shop" },
        })),
      },
      obeysTheLog,
      obeysTheLog,
    );
    const answer = await stack.answers.answer(
      question("show me the frontend logs in shop", {
        fresh: true,
        scope: { namespaces: ["shop"], defaultNamespace: "shop" },
      }),
    );

    expect(stack.llm.requests).toHaveLength(3);
    const [, second, third] = stack.llm.requests;
    // The line reached the LLM, as data inside a tool result.
    const logs = second.messages
      .filter((message) => message.role === "tool")
      .map((message) => message.content);
    expect(logs.join("\n")).toContain(promptInjectionLine.slice(0, 60));
    // What the LLM then asked for was refused, explained once, and never run; the last round asked for text only.
    const corrections = third.messages.filter((message) => message.role === "tool").slice(frontends.length);
    expect(corrections).toHaveLength(4);
    for (const correction of corrections) {
      expect(correction.content).toMatch(
        /^error (refused|out_of_scope|bad_request):[\s\S]*This call was not run/,
      );
    }
    expect(third.toolChoice).toBe("none");

    expect(answer.calls.map((call) => [call.tool, call.args.name, call.ok])).toEqual(
      frontends.map((name) => ["get_pod_logs", name, true]),
    );
    const clusterRequests = stack.cluster.requests.slice(clusterRequestsBefore);
    expect(new Set(clusterRequests.map((request) => request.method))).toEqual(new Set(["GET"]));
    const seen = JSON.stringify(clusterRequests);
    expect(seen).toContain("/namespaces/shop/pods/");
    expect(seen).not.toMatch(/payments/);
    expect(seen).not.toMatch(/secrets/);
  });
});
