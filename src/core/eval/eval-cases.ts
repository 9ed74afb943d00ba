import { z } from "zod";
import type { EvalCase } from "./score-plan.js";

const callSchema = z.object({ tool: z.string().min(1), args: z.record(z.string(), z.unknown()).default({}) });
const caseSchema = z.object({
  q: z.string(),
  expect: z.array(callSchema).default([]),
  refuse: z.boolean().optional(),
});

/** A line of an eval file that is not a case: reported as a failure of that line, never silently skipped. */
export interface BadLine {
  line: number;
  message: string;
}

/** Reads a JSONL eval set: one case a line, empty lines skipped. */
export function parseEvalCases(text: string): { cases: (EvalCase & { line: number })[]; bad: BadLine[] } {
  const cases: (EvalCase & { line: number })[] = [];
  const bad: BadLine[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    if (raw.trim() === "") return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      bad.push({ line: index + 1, message: "not valid JSON" });
      return;
    }
    const parsed = caseSchema.safeParse(json);
    if (!parsed.success) {
      const problems = parsed.error.issues.map(
        (issue) => `${issue.path.join(".") || "case"}: ${issue.message}`,
      );
      bad.push({ line: index + 1, message: problems.join("; ") });
      return;
    }
    cases.push({ ...parsed.data, line: index + 1 });
  });
  return { cases, bad };
}
