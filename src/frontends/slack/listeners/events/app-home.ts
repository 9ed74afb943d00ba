import type { App } from "@slack/bolt";
import { errorMessage } from "../../../../core/errors.js";
import { renderHomeView } from "../../blocks/onboarding-messages.js";
import { recentQuestions } from "../../recent-questions.js";
import type { SlackDeps } from "../../slack-deps.js";

/** The App Home tab: what K8Helper can do, examples, where this workspace's channels may look, recent questions. */
export function registerAppHome(app: App, deps: SlackDeps): void {
  app.event("app_home_opened", async ({ event, client }) => {
    if (event.tab !== "home") return;
    const view = renderHomeView({
      scopes: deps.channels.listed?.() ?? [],
      recent: await recentQuestions(deps.dedup, event.user),
    });
    try {
      await client.views.publish({ user_id: event.user, view });
    } catch (error) {
      deps.logger.warn({ user: event.user, err: errorMessage(error) }, "could not publish the App Home");
    }
  });
}
