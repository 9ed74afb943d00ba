import { describe, expect, it } from "vitest";
import type { ToolCall } from "../../../src/core/answer.js";
import { planQuestion } from "../../../src/core/planner/builtin/builtin-planner.js";
import { createKindLexicon } from "../../../src/core/planner/builtin/kind-lexicon.js";
import { sampleNames } from "../../helpers/sample-names.js";

const lexicon = createKindLexicon([]);
const names = sampleNames();
const plan = (text: string) => planQuestion(text, lexicon, names);
const argsOf = (calls: ToolCall[]) => calls.map((call) => call.args);

describe("the offline planner with the demo cluster's names", () => {
  it.each([
    ["为什么 checkout 一直崩溃", [{ tool: "diagnose", args: { name: "checkout" } }]],
    ["ledger 为什么被 OOMKilled", [{ tool: "diagnose", args: { name: "ledger" } }]],
    ["demo-worker-2 的内存使用情况", [{ tool: "top", args: { kind: "nodes", sort_by: "memory" } }]],
    [
      "看看 shop 命名空间 catalog 的事件",
      [{ tool: "get_events", args: { namespace: "shop", name: "catalog" } }],
    ],
    ["默认命名空间的pod", [{ tool: "get_resources", args: { kind: "pods", namespace: "default" } }]],
  ])("a known name is that name: %s", (question, calls) => {
    expect(plan(question).calls).toEqual(calls);
  });

  it.each([
    ["how many services have no endpoints", "no"],
    ["is DNS working?", "DNS"],
    ["which ingress hosts do we have?", "hosts"],
    ["is the checkout PDB blocking evictions?", "blocking"],
    ["wat pods r crashlooping", "wat"],
  ])("an ordinary word is no name: %s", (question, word) => {
    const { calls, confidence } = plan(question);
    expect(JSON.stringify(argsOf(calls))).not.toContain(`"${word}"`);
    expect(confidence).toBeLessThan(0.95);
  });

  it("a typo of a known name is corrected, as a guess that lowers confidence", () => {
    const typo = plan("pods in namspace paymnts");
    expect(typo.calls).toEqual([{ tool: "get_resources", args: { kind: "pods", namespace: "payments" } }]);
    expect(typo.confidence).toBeLessThan(0.7);
    expect(plan("describe deployment chekout").calls).toEqual([
      { tool: "describe_resource", args: { kind: "deployments", name: "checkout" } },
    ]);
  });

  it("without the names, the same questions plan as before (no index, no change)", () => {
    expect(planQuestion("ledger 为什么被 OOMKilled", lexicon).calls).not.toEqual(
      plan("ledger 为什么被 OOMKilled").calls,
    );
  });
});
