import type { Command } from "commander";
import type { ToolCall } from "../core/answer.js";
import type { EvalFailure } from "../core/eval/run-eval.js";
import type { PlanningFlags } from "./planning.js";

interface EvalFlags extends PlanningFlags {
  json?: boolean;
}

/** `k8helper eval FILE.jsonl`: plans every case, prints the failures and the score per language and overall. */
export function registerEvalCommand(program: Command): void {
  program
    .command("eval")
    .description("score a planner on a JSONL eval set (TOOLS.md's rule), per language and overall")
    .argument("<file>", "JSONL file: one {q, expect, refuse?} a line")
    .option("--planner <planner>", "builtin, openai, hunyuan or hybrid (default: the configuration)")
    .option("--json", "print the report as JSON")
    .option("--kubeconfig <file>", "kubeconfig whose discovery adds custom resources (optional)")
    .option("--context <context>", "kubeconfig context to discover")
    .option("--no-discovery", "use only the built-in kinds, without asking the cluster")
    .action(async (file: string, flags: EvalFlags) => {
      const [{ readFile }, { formatPlanUsage, measurePlanUsage }, { errorMessage }, { parseEvalCases }] =
        await Promise.all([
          import("node:fs/promises"),
          import("../core/agent/plan-usage.js"),
          import("../core/errors.js"),
          import("../core/eval/eval-cases.js"),
        ]);
      const [{ formatCalibration, formatScore, runEval }, { formatCall, preparePlanningOrExit }] =
        await Promise.all([import("../core/eval/run-eval.js"), import("./planning.js")]);
      let text: string;
      try {
        text = await readFile(file, "utf8");
      } catch (error) {
        process.stderr.write(`k8helper: cannot read ${file}: ${errorMessage(error)}\n`);
        process.exitCode = 1;
        return;
      }
      const planning = await preparePlanningOrExit(flags);
      if (!planning) return;
      const { cases, bad } = parseEvalCases(text);
      // LLM planners also report tokens and round trips per question.
      const measured = planning.planner.name === "builtin" ? undefined : measurePlanUsage(planning.planner);
      const report = await runEval(measured?.planner ?? planning.planner, cases, planning.context);
      if (flags.json) {
        const llmUsage = measured ? { llmUsage: measured.usage } : {};
        process.stdout.write(`${JSON.stringify({ ...report, badLines: bad, ...llmUsage }, null, 2)}\n`);
      } else {
        for (const failure of report.failures)
          process.stdout.write(`${formatFailure(failure, formatCall)}\n`);
        for (const line of bad) process.stdout.write(`BAD LINE ${line.line}: ${line.message}\n`);
        if (measured) process.stdout.write(`${formatPlanUsage(measured.usage)}\n`);
        process.stdout.write(`${formatCalibration(report)}\n`);
        process.stdout.write(`${formatScore(report)}\n`);
      }
      process.exitCode = 0;
    });
}

function formatFailure(failure: EvalFailure, formatCall: (call: ToolCall) => string): string {
  const expected = failure.refuse
    ? "a refusal"
    : failure.expected.map(formatCall).join(" ; ") || "(no calls)";
  const got = failure.refusal
    ? `refusal: ${failure.refusal}`
    : failure.got.map(formatCall).join(" ; ") || "(no calls)";
  return [
    `FAIL [${failure.language}] ${failure.q}`,
    `  expected: ${expected}`,
    `  got:      ${got}`,
    `  why:      ${failure.reason}`,
  ].join("\n");
}
