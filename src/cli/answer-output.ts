import type { Command } from "commander";
import type { Answer } from "../core/answer.js";
import { exitCodeForAnswer } from "./exit-codes.js";

export interface OutputFlags {
  json?: boolean;
  output?: string;
}

/** --output and --json, the same on every command that prints an Answer. */
export function addOutputOptions(command: Command): Command {
  return command
    .option("-o, --output <format>", "text, json or yaml (default: text)")
    .option("--json", "the same as --output json");
}

/** Prints the answer in the chosen format and sets the exit status from it (exit-codes.ts). */
export async function printAnswer(
  answer: Answer,
  flags: OutputFlags,
  callsTypedByUser = false,
): Promise<void> {
  const { formatAnswer, parseOutputFormat, terminalOf } = await import("../frontends/cli/print-answer.js");
  const format = parseOutputFormat(flags.output, flags.json);
  process.stdout.write(await formatAnswer(answer, format, terminalOf(process.stdout)));
  process.exitCode = exitCodeForAnswer(answer, callsTypedByUser);
}

/** `logs -f` asks to follow: say once that K8Helper shows the latest tail instead (it reads, it does not stream). */
export function followNotice(question: string, answer: Pick<Answer, "calls">): string | undefined {
  const asksToFollow = /(^|\s)(-f|--follow)(=true)?(\s|$)/.test(question);
  if (!asksToFollow || !answer.calls.some((call) => call.tool === "get_pod_logs")) return undefined;
  return "k8helper: following logs (-f) is not supported; this is the latest tail, run it again for newer lines.";
}
