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
    await replyPrivately(conversation, renderUsageMessage());
    return;
  }
  const question = buildSlackQuestion(text, conversation, deps.channels);
  const thread = threadKey(conversation);
  const conversations = deps.conversations;
  if (!conversations || !thread) return answerInSlack(deps, conversation, question);
  await answerInSlack(deps, conversation, question, (q, hooks) => conversations.answer(thread, q, hooks));
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
