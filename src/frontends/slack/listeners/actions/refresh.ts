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

/** Refresh: the same question again, skipping the answer cache, replacing the message in place. */
export function registerRefreshAction(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTION_IDS.refresh, async ({ ack, body, client, respond }) => {
    await ack();
    const click = readButtonClick({ body, client, respond });
    if (!click || !(await isFirstDelivery(deps.dedup, click.deliveryId))) return;
    const { conversation } = click;
    const text = await recallQuestion(deps.dedup, click.payload.id, conversation.channel);
    if (text === undefined) {
      await replyPrivately(conversation, questionExpiredMessage(click.payload.l ?? "en"));
      return;
    }
    const question = buildSlackQuestion(text, conversation, deps.channels, true);
    await answerInSlack(
      deps,
      { ...conversation, threadTs: click.parentThreadTs, refreshing: click.messageBlocks },
      question,
    );
  });
}
