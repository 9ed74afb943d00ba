import { answerInSlack } from "./answer-in-slack.js";
import { renderUsageMessage } from "./blocks/notice-messages.js";
import { isFirstDelivery } from "./first-delivery.js";
import type { SlackConversation } from "./slack-conversation.js";
import { replyPrivately } from "./slack-conversation.js";
import type { SlackDeps } from "./slack-deps.js";
import { buildSlackQuestion, isHelpRequest, questionText } from "./slack-question.js";

export interface SlackAsk {
  /** The event id (or trigger id) Slack may deliver more than once. */
  deliveryId: string;
  /** The raw text: a command's argument, a mention or a DM. */
  text: string;
  conversation: SlackConversation;
  /** A mention: its ts, so that an edit of it updates the answer it got instead of adding another. */
  mention?: { ts: string; edited: boolean };
}

/** An edited mention may come a while later: remember which message answered it for a day. */
const MENTION_TTL_SECONDS = 24 * 3_600;

function mentionKey(channel: string, ts: string): string {
  return `slack:mention:${channel}:${ts}`;
}

/** What /k8s, a mention and a DM share: de-duplicate, help for an empty question, else answer it. */
export async function askFromSlack(deps: SlackDeps, ask: SlackAsk): Promise<void> {
  const { conversation } = ask;
  // Let requests already waiting be read and acked before this one's work starts: a burst of commands
  // otherwise waits behind the answers of the first ones (Slack gives up on an ack after 3 s).
  await new Promise((resolve) => setImmediate(resolve));
  if (!(await isFirstDelivery(deps.dedup, ask.deliveryId))) {
    deps.logger.info(
      { deliveryId: ask.deliveryId, channel: conversation.channel },
      "duplicate Slack delivery ignored",
    );
    return;
  }
  const text = questionText(ask.text);
  if (isHelpRequest(text)) {
    const scope = deps.channels.scopeFor(conversation.channel, conversation.isDirect);
    await replyPrivately(conversation, renderUsageMessage("/k8s", scope));
    deps.logger.info({ channel: conversation.channel }, "slack help shown");
    return;
  }
  const question = buildSlackQuestion(text, conversation, deps.channels);
  const { mention } = ask;
  const answered = mention?.edited
    ? await deps.dedup.get(mentionKey(conversation.channel, mention.ts))
    : undefined;
  // An edited mention replaces the answer it got (in place, like Refresh) instead of adding a second one.
  const target = answered ? { ...conversation, messageTs: answered } : conversation;
  const thread = threadKey(conversation);
  const conversations = deps.conversations;
  const answerTs = await answerInSlack(
    deps,
    target,
    answered ? { ...question, fresh: true } : question,
    conversations && thread ? (q, hooks) => conversations.answer(thread, q, hooks) : undefined,
  );
  if (mention && answerTs && !answered)
    await deps.dedup.set(mentionKey(conversation.channel, mention.ts), answerTs, MENTION_TTL_SECONDS);
}

/**
 * The conversation a question belongs to: the thread of a mention (its answer is in that thread), or a DM
 * (its thread, else the DM itself). Commands post at the top of the channel and stand alone.
 */
export function threadKey(conversation: SlackConversation): string | undefined {
  const { channel, threadTs, isDirect } = conversation;
  if (isDirect) return `slack:${channel}:${threadTs ?? "dm"}`;
  return threadTs && !conversation.respond ? `slack:${channel}:${threadTs}` : undefined;
}
