import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../slack-deps.js";
import { registerDirectMessage } from "./direct-message.js";

export function registerMessages(app: App, deps: SlackDeps): void {
  registerDirectMessage(app, deps);
}
