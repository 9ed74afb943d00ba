import { describe, expect, it } from "vitest";
import { normaliseCall, scorePlan } from "../../../src/core/eval/score-plan.js";
import { createKindLexicon } from "../../../src/core/planner/builtin/kind-lexicon.js";
import { widgetType } from "../../fixtures/resource-types.js";

const pods = { tool: "get_resources", args: { kind: "pods", namespace: "shop" } };

describe("scorePlan (TOOLS.md's rule)", () => {
  it("passes equal calls", () => {
    expect(scorePlan({ q: "x", expect: [pods] }, { calls: [pods], refusal: null })).toEqual({ pass: true });
  });

  it("drops null, false, empty strings and empty lists before comparing", () => {
    const got = {
      tool: "get_resources",
      args: {
        kind: "pods",
        namespace: "shop",
        all_namespaces: false,
        name: null,
        label_selector: "",
        extra: [],
      },
    };
    expect(scorePlan({ q: "x", expect: [pods] }, { calls: [got], refusal: null }).pass).toBe(true);
  });

  it("normalises kind to the canonical plural on both sides", () => {
    for (const kind of ["po", "Pod", "pod", "容器组", "PODS"]) {
      const got = { tool: "get_resources", args: { kind, namespace: "shop" } };
      expect(scorePlan({ q: "x", expect: [pods] }, { calls: [got], refusal: null }).pass).toBe(true);
    }
    const lexicon = createKindLexicon([widgetType]);
    const expected = { tool: "get_resources", args: { kind: "widgets" } };
    expect(
      scorePlan(
        { q: "x", expect: [expected] },
        { calls: [{ tool: "get_resources", args: { kind: "wd" } }], refusal: null },
        lexicon,
      ).pass,
    ).toBe(true);
  });

  it("fails an extra argument, a missing one, a different value or tool", () => {
    const score = (args: Record<string, unknown>, tool = "get_resources") =>
      scorePlan({ q: "x", expect: [pods] }, { calls: [{ tool, args }], refusal: null });
    expect(score({ kind: "pods", namespace: "shop", all_namespaces: true })).toEqual({
      pass: false,
      reason: "call 1: extra all_namespaces=true",
    });
    expect(score({ kind: "pods" })).toEqual({ pass: false, reason: "call 1: missing namespace" });
    expect(score({ kind: "pods", namespace: "web" }).pass).toBe(false);
    expect(score({ kind: "pods", namespace: "shop" }, "diagnose").pass).toBe(false);
    expect(score({ kind: "pods", namespace: "shop", tail_lines: 0 }).pass).toBe(false);
  });

  it("minds the order and the number of calls", () => {
    const services = { tool: "get_resources", args: { kind: "services", namespace: "shop" } };
    expect(
      scorePlan({ q: "x", expect: [pods, services] }, { calls: [services, pods], refusal: null }).pass,
    ).toBe(false);
    expect(scorePlan({ q: "x", expect: [pods, services] }, { calls: [pods], refusal: null }).pass).toBe(
      false,
    );
    expect(
      scorePlan({ q: "x", expect: [pods, services] }, { calls: [pods, services], refusal: null }).pass,
    ).toBe(true);
  });

  it("passes a refuse case only with no calls and a non-empty refusal", () => {
    const refuseCase = { q: "delete pod x", expect: [], refuse: true };
    expect(scorePlan(refuseCase, { calls: [], refusal: "read-only" }).pass).toBe(true);
    expect(scorePlan(refuseCase, { calls: [], refusal: "  " }).pass).toBe(false);
    expect(scorePlan(refuseCase, { calls: [], refusal: null }).pass).toBe(false);
    expect(scorePlan(refuseCase, { calls: [pods], refusal: "read-only" }).pass).toBe(false);
  });

  it("fails a refusal where an answer was expected", () => {
    expect(scorePlan({ q: "x", expect: [pods] }, { calls: [], refusal: "no" })).toEqual({
      pass: false,
      reason: "refused a question it should answer",
    });
  });

  it("normaliseCall keeps what the user said, canonically", () => {
    expect(normaliseCall({ tool: "top", args: { kind: "no", sort_by: "cpu", previous: false } })).toEqual({
      tool: "top",
      args: { kind: "nodes", sort_by: "cpu" },
    });
  });
});
