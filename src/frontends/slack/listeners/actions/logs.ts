import type { App, BlockButtonAction } from "@slack/bolt";
import { answerInSlack } from "../../answer-in-slack.js";
import { ACTION_IDS } from "../../blocks/answer-actions.js";
import { readButtonClick } from "../../button-click.js";
import { logsQuestionText } from "../../diagnose-question.js";
import { isFirstDelivery } from "../../first-delivery.js";
import type { SlackDeps } from "../../slack-deps.js";
import { buildSlackQuestion } from "../../slack-question.js";

/** Logs: the `get_pod_logs` call on the pod the answer is about, answered in the message's thread. */
export function registerLogsAction(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTION_IDS.logs, async ({ ack, body, client, respond }) => {
    await ack();
    const click = readButtonClick({ body, client, respond });
    if (!click?.payload.g || !(await isFirstDelivery(deps.dedup, click.deliveryId))) return;
    const args = click.payload.g;
    const { messageTs: _, ...conversation } = click.conversation;
    const question = buildSlackQuestion(
      logsQuestionText(args, click.payload.l ?? "en"),
      conversation,
      deps.channels,
    );
    await answerInSlack(deps, conversation, question, (q) =>
      deps.answers.answerCalls(q, [{ tool: "get_pod_logs", args }]),
    );
  });
}
