import { describe, expect, it } from "vitest";
import type { ConversationTurn } from "../../../src/core/conversation/conversation-turn.js";
import { resolveFollowUp, usableTurns } from "../../../src/core/conversation/resolve-follow-up.js";
import { planQuestion } from "../../../src/core/planner/builtin/builtin-planner.js";
import { createKindLexicon } from "../../../src/core/planner/builtin/index.js";

const lexicon = createKindLexicon([]);

/** Contexts with different names and namespaces: the follow-up must take whichever the turn holds. */
const CONTEXTS = [
  { name: "checkout-7d9f-x2k", other: "checkout-7d9f-p9q", namespace: "shop", elsewhere: "payments" },
  { name: "ledger-0", other: "ledger-1", namespace: "finance", elsewhere: "staging" },
  { name: "api-5b6c8-zz1", other: "api-5b6c8-aa2", namespace: "team-a", elsewhere: "team-b" },
];

function turnAbout(context: (typeof CONTEXTS)[number], question: string): ConversationTurn {
  const focus = { kind: "pod", name: context.name, namespace: context.namespace };
  return {
    question,
    language: /[\u4e00-\u9fff]/.test(question) ? "zh" : "en",
    namespace: context.namespace,
    focus,
    objects: [focus, { kind: "pod", name: context.other, namespace: context.namespace }],
    summary: "1 finding",
    at: 0,
  };
}

function planned(text: string) {
  return planQuestion(text, lexicon).calls;
}

describe.each(CONTEXTS)("follow-ups after an answer about pod $name in $namespace", (context) => {
  const turn = turnAbout(context, `why is pod ${context.name} in namespace ${context.namespace} crashing`);

  it.each(["show me its logs", "its logs", "它的日志", "看看它的日志"])(
    "%s → the logs of that pod",
    (text) => {
      const resolved = resolveFollowUp(text, [turn]);
      expect(resolved?.note).toContain(context.name);
      expect(planned(resolved!.text)).toContainEqual({
        tool: "get_pod_logs",
        args: expect.objectContaining({ name: context.name, namespace: context.namespace }),
      });
    },
  );

  it.each(["the previous container", "logs of the previous container", "上一个容器的日志"])(
    "%s → the previous container's logs",
    (text) => {
      const resolved = resolveFollowUp(text, [turn]);
      expect(planned(resolved!.text)).toContainEqual({
        tool: "get_pod_logs",
        args: expect.objectContaining({ name: context.name, namespace: context.namespace, previous: true }),
      });
    },
  );

  it.each(["why?", "why", "为什么", "为什么？"])("%s → diagnose that pod", (text) => {
    const resolved = resolveFollowUp(text, [turn]);
    expect(planned(resolved!.text)).toContainEqual({
      tool: "diagnose",
      args: expect.objectContaining({ name: context.name, namespace: context.namespace }),
    });
  });

  it.each(["what about the other pod", "and the other one?", "另一个pod呢"])("%s → the other pod", (text) => {
    const resolved = resolveFollowUp(text, [turn]);
    const calls = planned(resolved!.text);
    expect(calls.some((call) => call.args.name === context.other)).toBe(true);
    expect(JSON.stringify(calls)).not.toContain(`"${context.name}"`);
  });

  it.each([
    (ns: string) => `and in ${ns}?`,
    (ns: string) => `what about ${ns}`,
    (ns: string) => `那${ns}呢`,
    (ns: string) => `那在${ns}里呢？`,
  ])("%s → the same question in that namespace", (form) => {
    const listing = { ...turnAbout(context, `pods in ${context.namespace}`), focus: undefined };
    const resolved = resolveFollowUp(form(context.elsewhere), [listing]);
    expect(planned(resolved!.text)).toContainEqual({
      tool: "get_resources",
      args: expect.objectContaining({ kind: "pods", namespace: context.elsewhere }),
    });
  });
});

describe("what is not a follow-up", () => {
  const turn = turnAbout(CONTEXTS[0], "why is pod checkout-7d9f-x2k in namespace shop crashing");

  it.each(["pods in kube-system", "list deployments in payments", "查看kube-system命名空间中的服务"])(
    "%s stands on its own",
    (text) => {
      expect(resolveFollowUp(text, [turn])).toBeUndefined();
    },
  );

  it("a follow-up without earlier turns is left to the planner", () => {
    expect(resolveFollowUp("show me its logs", [])).toBeUndefined();
  });
});

describe("usableTurns never widens the caller's scope", () => {
  const turn = turnAbout(CONTEXTS[0], "pods in shop");

  it("drops turns about namespaces the caller may not read", () => {
    expect(usableTurns([turn], { namespaces: ["payments"] })).toEqual([]);
    expect(usableTurns([turn], { namespaces: ["shop"] })).toEqual([turn]);
  });

  it("drops turns of another cluster", () => {
    expect(usableTurns([{ ...turn, cluster: "prod" }], { cluster: "staging" })).toEqual([]);
  });
});
