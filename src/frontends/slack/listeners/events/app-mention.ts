import type { App } from "@slack/bolt";
import { askFromSlack } from "../../ask-from-slack.js";
import type { SlackDeps } from "../../slack-deps.js";

/** `@K8Helper <question>` in a channel: answer in the thread of the mention. */
export function registerAppMention(app: App, deps: SlackDeps): void {
  app.event("app_mention", async ({ event, body, client }) => {
    // Other bots mentioning us would start a loop.
    if (event.bot_id || !event.user) return;
    await askFromSlack(deps, {
      deliveryId: body.event_id,
      text: event.text,
      mention: { ts: event.ts, edited: event.edited !== undefined },
      conversation: {
        client,
        channel: event.channel,
        user: event.user,
        isDirect: false,
        threadTs: event.thread_ts ?? event.ts,
      },
    });
  });
}
