import type { Command } from "commander";
import type { PlanningFlags } from "./planning.js";

interface PlanFlags extends PlanningFlags {
  json?: boolean;
}

/** `k8helper plan [--json] [QUESTION]`: the planner's calls without running them; no question reads stdin, a line each. */
export function registerPlanCommand(program: Command): void {
  program
    .command("plan")
    .description("show the tool calls a question plans to, without running them")
    .argument("[question...]", "the question; without one, questions are read from stdin, one a line")
    .option("--json", "print one JSON object a question: {query, calls, refusal}")
    .option("--planner <planner>", "builtin, openai, hunyuan or hybrid (default: the configuration)")
    .option("--kubeconfig <file>", "kubeconfig whose discovery adds custom resources (optional)")
    .option("--context <context>", "kubeconfig context to discover")
    .option("--no-discovery", "use only the built-in kinds, without asking the cluster")
    .addHelpText(
      "after",
      '\nExamples:\n  k8helper plan --json "查看kube-system命名空间中的服务"\n  k8helper plan --json < questions.txt',
    )
    .action(async (words: string[], flags: PlanFlags) => {
      const { planJson, planOne, planText, preparePlanningOrExit, readLines } = await import("./planning.js");
      const planning = await preparePlanningOrExit(flags);
      if (!planning) return;
      const questions = words.length > 0 ? [words.join(" ")] : readLines();
      let failed = false;
      for await (const text of questions) {
        if (text.trim() === "") continue;
        const printed = await planOne(planning, text);
        failed ||= printed.error !== undefined;
        process.stdout.write(
          flags.json ? `${JSON.stringify(planJson(text, printed))}\n` : `${planText(text, printed)}\n`,
        );
      }
      process.exitCode = failed ? 1 : 0;
    });
}
