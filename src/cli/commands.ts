import type { Command } from "commander";
import { registerAskCommand } from "./ask-command.js";
import { registerDemoClusterCommand } from "./demo-cluster-command.js";
import { registerDemoCommand } from "./demo-command.js";
import { registerEvalCommand } from "./eval-command.js";
import { registerInvestigateCommand } from "./investigate-command.js";
import { registerMcpCommand } from "./mcp-command.js";
import { registerPlanCommand } from "./plan-command.js";
import { registerRunCommand } from "./run-command.js";
import { registerServeCommand } from "./serve-command.js";
import { registerToolsCommand } from "./tools-command.js";

/** The CLI's commands, one module each; registration is this explicit list. */
export function registerCommands(program: Command): void {
  registerAskCommand(program);
  registerServeCommand(program);
  registerDemoCommand(program);
  registerDemoClusterCommand(program);
  registerToolsCommand(program);
  registerRunCommand(program);
  registerMcpCommand(program);
  registerPlanCommand(program);
  registerEvalCommand(program);
  registerInvestigateCommand(program);
}
