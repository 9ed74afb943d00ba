import { describe, expect, it } from "vitest";
import { namesInText } from "../../../src/core/names/names-in-text.js";
import { createBuiltinPlanner } from "../../../src/core/planner/builtin/index.js";
import { HYBRID_CONFIDENCE_THRESHOLD } from "../../../src/core/planner/hybrid.js";
import type { ClusterNames } from "../../../src/core/ports.js";
import { question } from "../../helpers/question.js";

// Any valid name, vocabulary words included: the index decides what is a name.
const WORDS = ["ledger", "report", "worker", "metrics", "status", "logs", "events", "apps", "fire"];

function index(
  extra: Partial<Record<"namespaces" | "nodes", string[]>>,
  objects: string[] = [],
): ClusterNames {
  return {
    namespaces: new Set(extra.namespaces ?? []),
    nodes: new Set(extra.nodes ?? []),
    objects: new Map(objects.map((name) => [name, ["deployments"]])),
    complete: true,
  };
}

describe("names a question mentions, read from the cluster's names", () => {
  for (const word of WORDS) {
    it(`"${word}-3" and "${word} 3" are the one node demo-${word}-3`, () => {
      const names = index({ nodes: [`demo-${word}-3`, `demo-${word}-2`] });
      for (const text of [`what's on ${word}-3`, `is ${word} 3 ok`, `${word}-3 为啥 NotReady`])
        expect(namesInText(names, text)).toEqual([
          expect.objectContaining({ name: `demo-${word}-3`, role: "node", shortened: true }),
        ]);
    });
    it(`"${word}" is the head of one family (${word}-nightly and its jobs), not of two`, () => {
      const family = index({}, [`${word}-nightly`, `${word}-nightly-29001`]);
      expect(namesInText(family, `did ${word} run?`).map((match) => match.name)).toEqual([`${word}-nightly`]);
      const two = index({}, [`${word}-config`, `${word}-db`]);
      expect(namesInText(two, `what about ${word}`)).toEqual([]);
    });
    it(`"${word}" is the namespace ${word} when the cluster has it`, () => {
      const names = index({ namespaces: [word] }, [`${word}-api`]);
      expect(namesInText(names, `whats up with ${word}`)[0]).toMatchObject({ name: word, role: "namespace" });
    });
  }
  it("short words are not shortened names", () => {
    expect(namesInText(index({}, ["up-stream", "db-migrate"]), "is it up? db?")).toEqual([]);
  });
});

describe("a question the grammar could not read diagnoses what it mentions, below the hybrid threshold", () => {
  const planner = createBuiltinPlanner();
  for (const word of WORDS) {
    it(`"anything on fire in ${word}-1?" with node demo-${word}-1`, async () => {
      const names = index({ nodes: [`demo-${word}-1`] });
      const plan = await planner.plan(question(`hmm ${word}-1 vibes?`), { resourceTypes: [], names });
      expect(plan.calls).toEqual([{ tool: "diagnose", args: { kind: "nodes", name: `demo-${word}-1` } }]);
      expect(plan.confidence).toBeLessThan(HYBRID_CONFIDENCE_THRESHOLD);
    });
  }
  it("with nothing it knows, the whole scope", async () => {
    const plan = await planner.plan(question("anything on fire?"), {
      resourceTypes: [],
      names: index({ nodes: ["n-1"] }),
    });
    expect(plan.calls).toEqual([{ tool: "diagnose", args: {} }]);
    expect(plan.confidence).toBeLessThan(HYBRID_CONFIDENCE_THRESHOLD);
  });
});

describe("a name the cluster holds only in full is expanded, below the hybrid threshold", () => {
  const planner = createBuiltinPlanner();
  for (const word of WORDS) {
    it(`"why is ${word}-3 NotReady" diagnoses the node demo-${word}-3`, async () => {
      const names = index({ nodes: [`demo-${word}-3`, `demo-${word}-1`] });
      const plan = await planner.plan(question(`${word}-3 为啥 NotReady`), { resourceTypes: [], names });
      expect(plan.calls).toEqual([
        expect.objectContaining({ args: expect.objectContaining({ name: `demo-${word}-3`, kind: "nodes" }) }),
      ]);
      expect(plan.confidence).toBeLessThan(HYBRID_CONFIDENCE_THRESHOLD);
    });
  }
});
