import type { Command } from "commander";
import { addOutputOptions, type OutputFlags, printAnswer } from "./answer-output.js";

interface RunFlags extends OutputFlags {
  kubeconfig?: string;
  context?: string;
}

/** `k8helper run TOOL key=value ...`: one tool against the cluster, printed as text tables, JSON or YAML. */
export function registerRunCommand(program: Command): void {
  const command = program
    .command("run")
    .description("run one tool with key=value arguments and print its output")
    .argument("<tool>", "a tool name: `k8helper tools` lists them with their arguments")
    .argument("[args...]", "arguments as key=value, e.g. kind=pods all_namespaces=true")
    .option("--kubeconfig <file>", "kubeconfig file (default: KUBECONFIG or ~/.kube/config)")
    .option("--context <context>", "kubeconfig context (cluster) to read");
  addOutputOptions(command)
    .addHelpText(
      "after",
      "\nExamples:\n  k8helper run get_resources kind=pods all_namespaces=true\n  k8helper run get_pod_logs name=checkout namespace=shop previous=true",
    )
    .action(async (name: string, pairs: string[], flags: RunFlags) => {
      const { exitWithError } = await import("./cli-container.js");
      try {
        const { parseOutputFormat } = await import("../frontends/cli/print-answer.js");
        parseOutputFormat(flags.output, flags.json);
        const { runToolFromCli } = await import("./run-tool.js");
        const answer = await runToolFromCli(name, pairs, flags);
        await printAnswer(answer, flags, true);
      } catch (error) {
        exitWithError(error);
      }
    });
}
