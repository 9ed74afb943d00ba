/**
 * How fast the offline planner plans: questions per second over the dev set (policy + parse + calls),
 * the median of several runs, for a lexicon without discovery and one with 200 discovered custom kinds.
 */
import { readFileSync } from "node:fs";
import { planQuestion } from "../src/core/planner/builtin/builtin-planner.js";
import { createKindLexicon, type KindLexicon } from "../src/core/planner/builtin/kind-lexicon.js";
import type { ResourceType } from "../src/core/ports.js";
import { type Figure, reportFigures } from "./lib/report.js";
import { median } from "./lib/stats.js";

const questions = readFileSync(new URL("../eval/planner-dev.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => (JSON.parse(line) as { q: string }).q);

const RUNS = 9;
const ROUNDS_PER_RUN = 200;

function questionsPerSecond(lexicon: KindLexicon): number[] {
  const rates: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = process.hrtime.bigint();
    for (let round = 0; round < ROUNDS_PER_RUN; round++)
      for (const text of questions) planQuestion(text, lexicon);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    rates.push((ROUNDS_PER_RUN * questions.length) / seconds);
  }
  return rates;
}

const customKinds: ResourceType[] = Array.from({ length: 200 }, (_, index) => ({
  plural: `gizmos${index}`,
  singular: `gizmo${index}`,
  kind: `Gizmo${index}`,
  shortNames: [`gz${index}`],
  group: "example.com",
  version: "v1",
  namespaced: true,
  verbs: ["list"],
}));

await reportFigures(async () => {
  questionsPerSecond(createKindLexicon()); // warm-up: JIT and the Chinese dictionary
  const builtin = median(questionsPerSecond(createKindLexicon()));
  const discovered = median(questionsPerSecond(createKindLexicon(customKinds)));
  const figures: Figure[] = [
    {
      bench: "planner-throughput",
      name: "builtin planner, dev set",
      value: builtin,
      unit: "questions/s",
      note: `median of ${RUNS} runs × ${ROUNDS_PER_RUN} rounds of ${questions.length} questions`,
    },
    {
      bench: "planner-throughput",
      name: "builtin planner, dev set, +200 custom kinds",
      value: discovered,
      unit: "questions/s",
      note: "lexicon built once per discovery, as the planner caches it",
    },
    { bench: "planner-throughput", name: "time per question", value: 1e6 / builtin, unit: "µs" },
  ];
  return figures;
});
