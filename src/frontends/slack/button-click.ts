import type { BlockButtonAction, RespondFn, webApi } from "@slack/bolt";
import { type ButtonPayload, decodeButtonValue } from "./blocks/button-value.js";
import type { SlackBlock } from "./blocks/limits.js";
import type { SlackConversation } from "./slack-conversation.js";
import { isDirectChannel } from "./slack-question.js";

/** A click on one of our buttons: what it carries and the message it sits on. */
export interface ButtonClick {
  payload: ButtonPayload;
  deliveryId: string;
  /** The clicked message's conversation; messageTs is the message, threadTs its thread (or itself). */
  conversation: SlackConversation & { messageTs: string; threadTs: string };
  /** The thread the clicked message is in, if it is a reply (a mention's answer). */
  parentThreadTs?: string;
  /** The clicked message is ephemeral (a private error): it has no thread of its own to answer in. */
  ephemeral: boolean;
  /** The blocks of the clicked message, when Slack sent them (not for ephemeral messages). */
  messageBlocks?: SlackBlock[];
}

export interface ButtonArgs {
  body: BlockButtonAction;
  client: webApi.WebClient;
  respond: RespondFn;
}

/** Undefined when the click is not on a message in a conversation, or the value is not ours. */
export function readButtonClick({ body, client, respond }: ButtonArgs): ButtonClick | undefined {
  const action = body.actions[0];
  const payload = decodeButtonValue(action?.value);
  const channel = body.channel?.id ?? body.container?.channel_id;
  const messageTs = body.message?.ts ?? body.container?.message_ts;
  if (!payload || typeof channel !== "string" || typeof messageTs !== "string") return undefined;
  const parentThreadTs = body.message?.thread_ts as string | undefined;
  // An ephemeral message (a private error) has no thread of its own to answer in.
  const ephemeral = (body.container as { is_ephemeral?: boolean } | undefined)?.is_ephemeral === true;
  return {
    payload,
    deliveryId: `action:${body.trigger_id}`,
    parentThreadTs,
    ephemeral,
    messageBlocks: Array.isArray(body.message?.blocks) ? (body.message.blocks as SlackBlock[]) : undefined,
    conversation: {
      client,
      channel,
      user: body.user.id,
      isDirect: isDirectChannel(channel),
      messageTs,
      threadTs: parentThreadTs ?? messageTs,
      respond,
    },
  };
}
