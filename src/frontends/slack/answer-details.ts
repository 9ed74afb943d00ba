import type { Answer } from "../../core/answer.js";
import { errorMessage } from "../../core/errors.js";
import { systemClock } from "../../core/ports.js";
import { answerProblem } from "./answer-problem.js";
import { recallAnswer, recallQuestion } from "./answer-store.js";
import { renderAnswerMessage } from "./blocks/answer-message.js";
import { renderAnswerDetails } from "./blocks/detail-messages.js";
import { labelsFor } from "./blocks/labels.js";
import { contextLine } from "./blocks/limits.js";
import {
  notInChannelMessage,
  questionExpiredMessage,
  renderProblemMessage,
} from "./blocks/notice-messages.js";
import type { ButtonClick } from "./button-click.js";
import { replyPrivately } from "./slack-conversation.js";
import type { SlackDeps } from "./slack-deps.js";
import { buildSlackQuestion } from "./slack-question.js";
import { detailCalls } from "./unhealthy-objects.js";

/**
 * The unhealthy objects the answer names, read now under the channel's scope: describe, events and logs.
 * Undefined when there are none or the reads fail (the answer's own details still go out).
 */
async function unhealthyDetails(
  deps: SlackDeps,
  click: ButtonClick,
  answer: Answer,
): Promise<Answer | undefined> {
  const calls = detailCalls(answer);
  if (calls.length === 0) return undefined;
  try {
    const question = buildSlackQuestion(answer.question, click.conversation, deps.channels);
    const more = await deps.answers.answerCalls({ ...question, requestId: answer.requestId }, calls);
    return more.refusal || more.error ? undefined : more;
  } catch (error) {
    deps.logger.warn({ requestId: answer.requestId, err: errorMessage(error) }, "unhealthy details failed");
    return undefined;
  }
}

/** Clicks within this many seconds on the same answer's Details post once. */
const DETAILS_LOCK_SECONDS = 30;

/** Details: what the channel message left out, as replies in its thread; long text and logs as files. */
export async function postAnswerDetails(deps: SlackDeps, click: ButtonClick): Promise<void> {
  const { conversation, payload } = click;
  const { client, channel, threadTs } = conversation;
  if (!(await deps.dedup.setIfAbsent(`slack:details:${payload.id}`, "1", DETAILS_LOCK_SECONDS))) return;
  // The reference leads to an answer only in the channel it was given in: a forged one reads nothing.
  const text = await recallQuestion(deps.dedup, payload.id, channel);
  if (text === undefined) {
    await replyPrivately(conversation, questionExpiredMessage(payload.l ?? "en"));
    return;
  }
  let answer = await recallAnswer(deps.dedup, payload.id);
  const recomputed = !answer;
  if (!answer) answer = await deps.answers.answer(buildSlackQuestion(text, conversation, deps.channels));
  const problem = answerProblem(answer);
  if (problem) {
    await replyPrivately({ ...conversation, threadTs }, renderProblemMessage(problem));
    return;
  }
  const labels = labelsFor(answer.language);
  const shown = renderAnswerMessage(answer, { now: (deps.clock ?? systemClock).now() }).shown;
  const more = await unhealthyDetails(deps, click, answer);
  const details = renderAnswerDetails(answer, shown, { more });
  if (recomputed)
    details.messages.unshift({ text: labels.detailsExpired, blocks: [contextLine(labels.detailsExpired)] });
  try {
    for (const message of details.messages) {
      await client.chat.postMessage({
        channel,
        thread_ts: threadTs,
        text: message.text,
        blocks: message.blocks,
      });
    }
  } catch (error) {
    if ((error as { data?: { error?: string } }).data?.error !== "not_in_channel") throw error;
    // Let the next click try again once the bot is invited.
    await deps.dedup.delete(`slack:details:${payload.id}`);
    await replyPrivately(conversation, notInChannelMessage(answer.language));
    return;
  }
  for (const file of details.files) {
    try {
      await client.filesUploadV2({
        channel_id: channel,
        thread_ts: threadTs,
        content: file.content,
        filename: file.filename,
        title: file.title,
        initial_comment: file.comment,
      });
    } catch (error) {
      deps.logger.warn(
        { requestId: answer.requestId, file: file.filename, err: errorMessage(error) },
        "file upload failed",
      );
    }
  }
  deps.logger.info(
    {
      requestId: answer.requestId,
      messages: details.messages.length,
      files: details.files.length,
      recomputed,
    },
    "slack details posted",
  );
}
