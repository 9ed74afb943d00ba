import type { RespondFn, webApi } from "@slack/bolt";
import type { SlackBlock, SlackMessage } from "./blocks/limits.js";

/** Where and how to answer one Slack question. */
export interface SlackConversation {
  client: webApi.WebClient;
  channel: string;
  user: string;
  isDirect: boolean;
  /** Answer inside this thread (mentions, Diagnose). */
  threadTs?: string;
  /** Replace this message instead of posting a new one (Refresh). */
  messageTs?: string;
  /** The response_url of a command or a click: ephemeral replies without chat.postEphemeral. */
  respond?: RespondFn;
  /** Refresh: the blocks of the answer being refreshed, shown under an elapsed line while it works. */
  refreshing?: SlackBlock[];
  /** A /k8s command in a channel: its empty ack showed nothing, so the answer starts with who asked what. */
  announceAsker?: boolean;
}

/**
 * A reply only the asker sees: through response_url when there is one (a command or a click: it works in
 * channels the bot is not in, and in a DM between two people, where chat.postMessage says channel_not_found),
 * else in a DM with the bot an ordinary message (it is private already), else chat.postEphemeral.
 */
export async function replyPrivately(conversation: SlackConversation, message: SlackMessage): Promise<void> {
  const { client, channel, user, threadTs } = conversation;
  if (conversation.respond) {
    await conversation.respond({
      response_type: "ephemeral",
      replace_original: false,
      text: message.text,
      blocks: message.blocks,
    });
  } else if (conversation.isDirect) {
    await client.chat.postMessage({
      channel,
      thread_ts: threadTs,
      text: message.text,
      blocks: message.blocks,
    });
  } else {
    await client.chat.postEphemeral({
      channel,
      user,
      thread_ts: threadTs,
      text: message.text,
      blocks: message.blocks,
    });
  }
}
