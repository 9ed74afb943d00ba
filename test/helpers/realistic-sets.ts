import { readFileSync } from "node:fs";
import { type CaseScore, type RealisticCase, scoreCase } from "../../bench/lib/realistic-score.js";
import type { Answer } from "../../src/core/answer.js";
import type { TestStack } from "./answer-service.js";
import { question } from "./question.js";

/** The outside reviewers' end-to-end sets in eval/realistic/, by file stem. */
export const REALISTIC_SETS = [
  "realistic-1",
  "realistic-2",
  "realistic-3",
  "realistic-4",
  "realistic-5",
  "realistic-6",
  "realistic-7",
  "realistic-8",
  "realistic-9",
  "realistic-10",
  "realistic-11",
  "realistic-12",
  "realistic-13",
  "realistic-14",
  "realistic-15",
  "realistic-17",
  "realistic-18",
  "realistic-19",
  "realistic-20",
  "realistic-24",
  "realistic-25",
  "realistic-26",
  "realistic-27",
];

const setsDir = new URL("../../eval/realistic/", import.meta.url);

export function loadRealisticSet(name: string): RealisticCase[] {
  return readFileSync(new URL(`${name}.jsonl`, setsDir), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as RealisticCase);
}

/** The cases each regression set is known to fail, by id (eval/realistic/known-failures.json). */
export function knownFailures(): Record<string, string[]> {
  return JSON.parse(readFileSync(new URL("known-failures.json", setsDir), "utf8")) as Record<
    string,
    string[]
  >;
}

export const knownFailuresPath = new URL("known-failures.json", setsDir);

export interface RealisticResult {
  case: RealisticCase;
  answer: Answer;
  score: CaseScore;
}

/** Asks each case through the whole pipeline, fresh (no cache), one after another. */
export async function runRealisticCases(
  stack: TestStack,
  cases: RealisticCase[],
): Promise<RealisticResult[]> {
  const results: RealisticResult[] = [];
  for (const c of cases) {
    const answer = await stack.answers.answer(question(c.q, { fresh: true }));
    results.push({ case: c, answer, score: scoreCase(c, answer) });
  }
  return results;
}
