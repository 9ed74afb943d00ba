import { describe, expect, it } from "vitest";
import { detectLanguage } from "../../../src/core/language.js";
import { createBuiltinPlanner } from "../../../src/core/planner/builtin/builtin-planner.js";
import { checkQuestionPolicy } from "../../../src/core/policy.js";
import type { ClusterNames } from "../../../src/core/ports.js";
import { question } from "../../helpers/question.js";

// Generated over names: a kubectl shell alias is the command it stands for, reads and writes alike.
const NAMESPACES = ["warehouse", "team-a", "logs", "pods"];
const planner = createBuiltinPlanner();
const names = (namespace: string): ClusterNames => ({
  namespaces: new Set(["default", namespace]),
  nodes: new Set(["demo-worker-3"]),
  objects: new Map([["checkout", ["deployments"]]]),
  complete: true,
});
const plan = async (text: string, namespace: string) =>
  (await planner.plan(question(text), { resourceTypes: [], names: names(namespace) })).calls;
const refused = (text: string) => checkQuestionPolicy(text, detectLanguage(text)) !== null;

describe("a kubectl shell alias reads as its command", () => {
  for (const namespace of NAMESPACES)
    it(namespace, async () => {
      expect(await plan(`kgp -n ${namespace}`, namespace)).toEqual([
        { tool: "get_resources", args: { kind: "pods", namespace } },
      ]);
      expect(await plan(`kgd -n ${namespace}`, namespace)).toEqual([
        { tool: "get_resources", args: { kind: "deployments", namespace } },
      ]);
      expect(await plan(`$ kgpa`, namespace)).toEqual([
        { tool: "get_resources", args: { kind: "pods", all_namespaces: true } },
      ]);
      expect(await plan("kdno demo-worker-3", namespace)).toEqual([
        { tool: "describe_resource", args: { kind: "nodes", name: "demo-worker-3" } },
      ]);
    });
  for (const write of ["kdelp checkout", "kdel deploy checkout", "kdeld checkout", "kgsec -n shop"])
    it(`refuses ${write}`, () => expect(refused(write)).toBe(true));
  it("an alias inside a sentence is a word", () =>
    expect(refused("is kdel an alias for delete?")).toBe(false));
});
