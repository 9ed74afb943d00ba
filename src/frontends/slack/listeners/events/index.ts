import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../slack-deps.js";
import { registerAppMention } from "./app-mention.js";

export function registerEvents(app: App, deps: SlackDeps): void {
  registerAppMention(app, deps);
}
