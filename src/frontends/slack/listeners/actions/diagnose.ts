import type { App, BlockButtonAction } from "@slack/bolt";
import { answerInSlack } from "../../answer-in-slack.js";
import { ACTION_IDS } from "../../blocks/answer-actions.js";
import { readButtonClick } from "../../button-click.js";
import { diagnoseQuestionText } from "../../diagnose-question.js";
import { isFirstDelivery } from "../../first-delivery.js";
import type { SlackDeps } from "../../slack-deps.js";
import { buildSlackQuestion } from "../../slack-question.js";

/** Diagnose: the `diagnose` tool on what looked unhealthy, answered in the message's thread. */
export function registerDiagnoseAction(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTION_IDS.diagnose, async ({ ack, body, client, respond }) => {
    await ack();
    const click = readButtonClick({ body, client, respond });
    if (!click?.payload.d || !(await isFirstDelivery(deps.dedup, click.deliveryId))) return;
    const args = click.payload.d;
    const { messageTs: _, ...conversation } = click.conversation;
    const question = buildSlackQuestion(
      diagnoseQuestionText(args, click.payload.l ?? "en"),
      conversation,
      deps.channels,
    );
    await answerInSlack(deps, conversation, question, (q) =>
      deps.answers.answerCalls(q, [{ tool: "diagnose", args }]),
    );
  });
}
