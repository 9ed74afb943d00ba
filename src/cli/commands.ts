import type { Command } from "commander";

/** The CLI's commands, one module each; registration is this explicit list. */
export function registerCommands(program: Command): void {
  void program;
}
