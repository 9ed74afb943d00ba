import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../slack-deps.js";
import { registerAppHome } from "./app-home.js";
import { registerAppMention } from "./app-mention.js";
import { registerMemberJoined } from "./member-joined.js";

export function registerEvents(app: App, deps: SlackDeps): void {
  registerAppMention(app, deps);
  registerAppHome(app, deps);
  registerMemberJoined(app, deps);
}
