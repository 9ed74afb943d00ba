import type { Answer } from "../../core/answer.js";
import { errorMessage } from "../../core/errors.js";
import { renderAnswerMessage } from "./blocks/answer-message.js";
import type { SlackMessage } from "./blocks/limits.js";
import type { SlackConversation } from "./slack-conversation.js";
import type { SlackDeps } from "./slack-deps.js";

/** Errors Slack gives when blocks it accepted by our rules still do not fit its own: retry smaller. */
const BLOCK_ERRORS = new Set(["msg_blocks_too_long", "invalid_blocks", "too_many_blocks"]);

export function slackError(error: unknown): string {
  const data = (error as { data?: { error?: string } }).data;
  return data?.error ?? errorMessage(error);
}

/** The ts of the message that now holds `message` (undefined through response_url, which gives none). */
async function sendMessage(
  conversation: SlackConversation,
  ts: string | undefined,
  message: SlackMessage,
): Promise<string | undefined> {
  const { client, channel } = conversation;
  if (ts) {
    await client.chat.update({ channel, ts, text: message.text, blocks: message.blocks });
    return ts;
  }
  if (conversation.respond) {
    await conversation.respond({ response_type: "in_channel", ...message });
    return undefined;
  }
  const posted = await client.chat.postMessage({ channel, thread_ts: conversation.threadTs, ...message });
  return posted.ts;
}

/** Puts the answer where it belongs: in place of `ts`, else posted; an edit that fails is posted afresh. */
export async function publishAnswer(
  deps: SlackDeps,
  conversation: SlackConversation,
  answer: Answer,
  ts: string | undefined,
  now: number,
): Promise<string | undefined> {
  try {
    return await sendAnswer(deps, conversation, answer, ts, now);
  } catch (error) {
    if (!ts) throw error;
    // The placeholder could not be replaced even after the client's retries: post the answer afresh rather
    // than leave "Working…" forever, then take the placeholder away.
    deps.logger.warn(
      { requestId: answer.requestId, err: slackError(error) },
      "could not replace the placeholder; posting the answer as a new message",
    );
    const posted = await sendAnswer(deps, conversation, answer, undefined, now);
    await removePlaceholder(deps, conversation, ts, answer.requestId);
    return posted;
  }
}

/** A placeholder that stays would say "Working…" forever; one that cannot be removed is only logged. */
export async function removePlaceholder(
  deps: SlackDeps,
  conversation: SlackConversation,
  ts: string,
  requestId: string,
): Promise<void> {
  await conversation.client.chat.delete({ channel: conversation.channel, ts }).catch((error: unknown) => {
    deps.logger.warn({ requestId, err: slackError(error) }, "could not remove the placeholder");
  });
}

async function sendAnswer(
  deps: SlackDeps,
  conversation: SlackConversation,
  answer: Answer,
  ts: string | undefined,
  now: number,
): Promise<string | undefined> {
  try {
    return await sendMessage(
      conversation,
      ts,
      renderAnswerMessage(answer, { now, asker: askerOf(conversation, answer) }),
    );
  } catch (error) {
    const code = slackError(error);
    deps.logger.warn({ requestId: answer.requestId, err: code }, "Slack refused the answer message");
    if (!BLOCK_ERRORS.has(code)) throw error;
    return sendMessage(
      conversation,
      ts,
      renderAnswerMessage(answer, {
        now,
        firstScreenRows: 5,
        maxBlocksChars: 4_000,
        asker: askerOf(conversation, answer),
      }),
    );
  }
}

function askerOf(conversation: SlackConversation, answer: Answer) {
  return conversation.announceAsker ? { user: conversation.user, question: answer.question } : undefined;
}
