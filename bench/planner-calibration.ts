/**
 * Issue 13 §4: does the offline planner's confidence predict a right plan? Plans and right plans per confidence
 * bucket, on the dev set, the regression sets, and generated probes (a vocabulary word or kind short name in a
 * namespace or name slot) planned with and without the cluster's names. Hybrid mode asks the LLM below 0.6.
 */
import { readFileSync } from "node:fs";
import { parseEvalCases } from "../src/core/eval/eval-cases.js";
import { type CalibrationRow, runEval } from "../src/core/eval/run-eval.js";
import type { EvalCase } from "../src/core/eval/score-plan.js";
import { createBuiltinPlanner } from "../src/core/planner/builtin/index.js";
import { BUILTIN_KINDS } from "../src/core/planner/builtin/kind-lexicon.js";
import { ENGLISH_CUES } from "../src/core/planner/builtin/vocabulary.js";
import type { ClusterNames } from "../src/core/ports.js";
import { type Figure, reportFigures } from "./lib/report.js";

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function casesOf(path: string): EvalCase[] {
  return parseEvalCases(readFileSync(new URL(path, import.meta.url), "utf8")).cases;
}

function probes(): { cases: EvalCase[]; names: ClusterNames } {
  const words = [
    ...[...ENGLISH_CUES.keys()].filter((phrase) => !phrase.includes(" ")),
    ...BUILTIN_KINDS.flatMap((entry) => entry.english),
  ].filter((word) => DNS_LABEL.test(word));
  const unique = [...new Set(words)];
  const cases: EvalCase[] = unique.flatMap((x) => [
    {
      q: `list pods in namespace ${x}`,
      expect: [{ tool: "get_resources", args: { kind: "pods", namespace: x } }],
    },
    { q: `${x}命名空间的pod`, expect: [{ tool: "get_resources", args: { kind: "pods", namespace: x } }] },
    {
      q: `describe deployment ${x} in shop`,
      expect: [{ tool: "describe_resource", args: { kind: "deployments", name: x, namespace: "shop" } }],
    },
    { q: `logs of pod ${x}`, expect: [{ tool: "get_pod_logs", args: { name: x } }] },
  ]);
  const names: ClusterNames = {
    namespaces: new Set([...unique, "shop"]),
    nodes: new Set(),
    objects: new Map(unique.map((x) => [x, ["deployments"]])),
    complete: true,
  };
  return { cases, names };
}

async function measure(): Promise<Figure[]> {
  const planner = createBuiltinPlanner();
  const regression = ["", "-2", "-3", "-4", "-5"].flatMap((suffix) =>
    casesOf(`../test/core/planner/heldout-style${suffix}.jsonl`),
  );
  const generated = probes();
  const sets: [string, EvalCase[], ClusterNames | undefined][] = [
    ["dev set", casesOf("../../shared/eval/planner-dev.jsonl"), undefined],
    ["regression sets", regression, undefined],
    ["slot probes, no names", generated.cases, undefined],
    ["slot probes, with names", generated.cases, generated.names],
  ];
  const figures: Figure[] = [];
  for (const [set, cases, names] of sets) {
    const report = await runEval(planner, cases, { resourceTypes: [], names });
    for (const row of report.calibration) figures.push(figureOf(set, row));
  }
  return figures;
}

function figureOf(set: string, row: CalibrationRow): Figure {
  const to = row.from >= 0.8 ? 1 : row.from + 0.2;
  return {
    bench: "calibration",
    name: `${set}: confidence ${row.from.toFixed(1)}–${to.toFixed(1)}, right`,
    value: row.plans === 0 ? 0 : (100 * row.right) / row.plans,
    unit: "%",
    note: `${row.right} of ${row.plans} plans`,
  };
}

await reportFigures(measure);
