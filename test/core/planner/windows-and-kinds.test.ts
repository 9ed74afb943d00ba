import { describe, expect, it } from "vitest";
import { createBuiltinPlanner } from "../../../src/core/planner/builtin/builtin-planner.js";
import { question } from "../../helpers/question.js";
import { sampleNames } from "../../helpers/sample-names.js";

const planner = createBuiltinPlanner();
const names = sampleNames();
const plan = async (text: string) => (await planner.plan(question(text), { resourceTypes: [], names })).calls;

const KINDS: [string, string][] = [
  ["statefulsets", "statefulsets"],
  ["daemonsets", "daemonsets"],
  ["deployments", "deployments"],
  ["jobs", "jobs"],
];

describe("every kind a question names is checked", () => {
  for (const [a, pluralA] of KINDS)
    for (const [b, pluralB] of KINDS) {
      if (a === b) continue;
      it(`which ${a} or ${b} are degraded`, async () => {
        const kinds = (await plan(`which ${a} or ${b} are degraded?`)).map((call) => call.args.kind);
        expect(kinds).toEqual([pluralA, pluralB]);
      });
    }
});

describe("a time window with restarts or a bare 'change' is a timeline", () => {
  for (const [words, seconds] of [
    ["15 minutes", 900],
    ["2 hours", 7200],
    ["45 min", 2700],
  ] as const) {
    it(`did anything restart in the last ${words}`, async () => {
      expect(await plan(`did anything restart in the last ${words}?`)).toEqual([
        { tool: "recent_changes", args: { kind: "pods", since_seconds: seconds } },
      ]);
    });
    it(`last ${words} 有什么 change`, async () => {
      expect(await plan(`last ${words} 有什么 change`)).toEqual([
        { tool: "recent_changes", args: { since_seconds: seconds } },
      ]);
    });
  }
});

describe("a version is never a namespace", () => {
  for (const version of ["1.5.0", "v2.4", "10.0.0.7"])
    it(`who rolled out catalog ${version}`, async () => {
      const calls = await plan(`who rolled out catalog ${version} and how?`);
      expect(calls.every((call) => call.args.namespace === undefined)).toBe(true);
    });
});
