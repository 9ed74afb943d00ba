import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../slack-deps.js";
import { registerK8sCommand } from "./k8s-command.js";

export function registerCommands(app: App, deps: SlackDeps): void {
  registerK8sCommand(app, deps);
}
