import type { App } from "@slack/bolt";
import { askFromSlack } from "../../ask-from-slack.js";
import type { SlackDeps } from "../../slack-deps.js";

/** A DM to the bot (message.im): no prefix needed; edits, bot messages and other subtypes are ignored. */
export function registerDirectMessage(app: App, deps: SlackDeps): void {
  app.event("message", async ({ event, body, client }) => {
    if (event.channel_type !== "im" || event.subtype !== undefined || event.bot_id || !event.user) return;
    await askFromSlack(deps, {
      deliveryId: body.event_id,
      text: event.text ?? "",
      conversation: {
        client,
        channel: event.channel,
        user: event.user,
        isDirect: true,
        threadTs: event.thread_ts,
      },
    });
  });
}
