import type { App, BlockButtonAction } from "@slack/bolt";
import { answerInSlack } from "../../answer-in-slack.js";
import { recallQuestion } from "../../answer-store.js";
import { ACTION_IDS } from "../../blocks/answer-actions.js";
import { questionExpiredMessage } from "../../blocks/notice-messages.js";
import { readButtonClick } from "../../button-click.js";
import { isFirstDelivery } from "../../first-delivery.js";
import { replyPrivately } from "../../slack-conversation.js";
import type { SlackDeps } from "../../slack-deps.js";
import { buildSlackQuestion } from "../../slack-question.js";

/**
 * Try again on an error: the stored question once more, skipping the cache. On a public notice (an outage,
 * a timeout) the answer replaces the notice; from a private error it comes as a new message.
 */
export function registerRetryAction(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTION_IDS.retry, async ({ ack, body, client, respond }) => {
    await ack();
    const click = readButtonClick({ body, client, respond });
    if (!click || !(await isFirstDelivery(deps.dedup, click.deliveryId))) return;
    const { messageTs, ...rest } = click.conversation;
    const text = await recallQuestion(deps.dedup, click.payload.id, rest.channel);
    if (text === undefined) {
      await replyPrivately(click.conversation, questionExpiredMessage(click.payload.l ?? "en"));
      return;
    }
    const question = buildSlackQuestion(text, rest, deps.channels, true);
    const conversation =
      click.payload.u === 1
        ? { ...rest, messageTs, threadTs: click.parentThreadTs }
        : { ...rest, threadTs: click.parentThreadTs };
    await answerInSlack(deps, conversation, question);
  });
}
