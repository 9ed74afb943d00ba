import type { webApi } from "@slack/bolt";
import type { SlackMessage } from "../slack/blocks/limits.js";

/** Where alert messages go: a Slack channel through the Web API (the port keeps the poster testable and Slack-free). */
export interface AlertDelivery {
  post(channel: string, message: SlackMessage, threadTs?: string): Promise<string>;
  update(channel: string, ts: string, message: SlackMessage): Promise<void>;
}

export function slackAlertDelivery(client: webApi.WebClient): AlertDelivery {
  return {
    async post(channel, message, threadTs) {
      const result = await client.chat.postMessage({
        channel,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        unfurl_media: false,
        ...(threadTs ? { thread_ts: threadTs } : {}),
      });
      return String(result.ts);
    },
    async update(channel, ts, message) {
      await client.chat.update({ channel, ts, text: message.text, blocks: message.blocks });
    },
  };
}
