import { Command, CommanderError } from "commander";
import { VERSION } from "../version.js";
import { registerCommands } from "./commands.js";
import { EXIT, EXIT_CODES_HELP } from "./exit-codes.js";

/** The k8helper program: commands register cheaply; each loads what it needs when it runs. */
export async function runProgram(argv: string[]): Promise<void> {
  const program = new Command()
    .name("k8helper")
    .description("A read-only Kubernetes assistant: ask about your cluster in English or Chinese.")
    .version(VERSION)
    .showHelpAfterError()
    .addHelpText("after", `\n${EXIT_CODES_HELP}`)
    .exitOverride();
  registerCommands(program);
  for (const command of program.commands) command.exitOverride();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    // --help and --version end here with code 0; a usage mistake (commander printed it) is "bad usage".
    if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? EXIT.ok : EXIT.usage);
    throw error;
  }
}
