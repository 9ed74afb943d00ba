import type { App } from "@slack/bolt";
import { errorMessage } from "../../../../core/errors.js";
import { renderIntroMessage } from "../../blocks/onboarding-messages.js";
import { isFirstDelivery } from "../../first-delivery.js";
import type { SlackDeps } from "../../slack-deps.js";

/** Invited to a channel: a short intro there, with examples for the channel's scope (once per delivery). */
export function registerMemberJoined(app: App, deps: SlackDeps): void {
  app.event("member_joined_channel", async ({ event, body, client, context }) => {
    if (!context.botUserId || event.user !== context.botUserId) return;
    if (!(await isFirstDelivery(deps.dedup, body.event_id))) {
      deps.logger.info(
        { deliveryId: body.event_id, channel: event.channel },
        "duplicate Slack delivery ignored",
      );
      return;
    }
    const message = renderIntroMessage(deps.channels.scopeFor(event.channel, false));
    try {
      await client.chat.postMessage({ channel: event.channel, ...message });
      deps.logger.info({ channel: event.channel }, "slack intro posted");
    } catch (error) {
      deps.logger.warn({ channel: event.channel, err: errorMessage(error) }, "could not post the intro");
    }
  });
}
