import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../slack-deps.js";
import { registerAlertActions } from "./alert-buttons.js";
import { registerDetailsAction } from "./details.js";
import { registerDiagnoseAction } from "./diagnose.js";
import { registerLogsAction } from "./logs.js";
import { registerRefreshAction } from "./refresh.js";
import { registerRetryAction } from "./retry.js";

export function registerActions(app: App, deps: SlackDeps): void {
  registerRefreshAction(app, deps);
  registerDetailsAction(app, deps);
  registerDiagnoseAction(app, deps);
  registerLogsAction(app, deps);
  registerRetryAction(app, deps);
  registerAlertActions(app, deps);
}
