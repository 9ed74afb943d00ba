import type { App } from "@slack/bolt";
import type { SlackDeps } from "../slack-deps.js";
import { registerActions } from "./actions/index.js";
import { registerCommands } from "./commands/index.js";
import { registerEvents } from "./events/index.js";
import { registerMessages } from "./messages/index.js";

/** Every listener, one list: what the manifests must subscribe to (a test checks they agree). */
export function registerListeners(app: App, deps: SlackDeps): void {
  registerCommands(app, deps);
  registerEvents(app, deps);
  registerMessages(app, deps);
  registerActions(app, deps);
}
