/**
 * Memory of the whole pipeline (offline planner, memory cache, simulated cluster in the same process) after
 * 1,000 questions, against the same process after a warm-up: RSS and live heap after a full GC.
 */
import { readFileSync } from "node:fs";
import { startTestStack } from "../test/helpers/answer-service.js";
import { question } from "../test/helpers/question.js";
import { settledMemory } from "./lib/memory.js";
import { type Figure, reportFigures } from "./lib/report.js";

const QUESTIONS = 1_000;
const devSet = readFileSync(new URL("../eval/planner-dev.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => (JSON.parse(line) as { q: string }).q);

const signed = (value: number) => `${value >= 0 ? "+" : ""}${value.toFixed(1)}`;

await reportFigures(async (): Promise<Figure[]> => {
  const stack = await startTestStack();
  // Half the questions skip the answer cache (Refresh), so both paths are exercised.
  const ask = (i: number) =>
    stack.answers.answer(question(devSet[i % devSet.length], { fresh: i % 2 === 0 }));
  for (let i = 0; i < devSet.length * 2; i++) await ask(i);
  stack.cluster.requests.length = 0;
  const before = await settledMemory();
  for (let i = 0; i < QUESTIONS; i++) await ask(i);
  stack.cluster.requests.length = 0; // the simulated cluster's request log is the test's, not K8Helper's
  const after = await settledMemory();
  for (let i = 0; i < QUESTIONS; i++) await ask(i);
  stack.cluster.requests.length = 0;
  const twice = await settledMemory();
  await stack.close();
  const bench = "memory";
  return [
    {
      bench,
      name: `RSS after ${QUESTIONS.toLocaleString("en-US")} questions`,
      value: after.rssMiB,
      unit: "MiB",
      note: `after warm-up (${devSet.length * 2} questions): ${before.rssMiB.toFixed(1)} MiB; pipeline + simulated cluster in one process`,
    },
    {
      bench,
      name: `RSS after ${(2 * QUESTIONS).toLocaleString("en-US")} questions`,
      value: twice.rssMiB,
      unit: "MiB",
      note: `${signed(twice.rssMiB - after.rssMiB)} MiB over the second 1,000`,
    },
    {
      bench,
      name: `heap growth over ${QUESTIONS.toLocaleString("en-US")} questions`,
      value: after.heapUsedMiB - before.heapUsedMiB,
      unit: "MiB",
      note: `live heap ${before.heapUsedMiB.toFixed(1)} → ${after.heapUsedMiB.toFixed(1)} → ${twice.heapUsedMiB.toFixed(1)} MiB (0, 1,000, 2,000), after full GC`,
    },
  ];
});
