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
  // k8s_logs on an answer; k8s_logs_0… on the choice of pods an ambiguous "logs of checkout" offers.
  app.action<BlockButtonAction>(
    new RegExp(`^${ACTION_IDS.logs}(_\\d+)?$`),
    async ({ ack, body, client, respond }) => {
      await ack();
      const click = readButtonClick({ body, client, respond });
      if (!click?.payload.g || !(await isFirstDelivery(deps.dedup, click.deliveryId))) return;
      const args = click.payload.g;
      const { messageTs: _, ...inThread } = click.conversation;
      const conversation = click.ephemeral ? { ...inThread, threadTs: click.parentThreadTs } : inThread;
      const question = buildSlackQuestion(
        logsQuestionText(args, click.payload.l ?? "en"),
        conversation,
        deps.channels,
      );
      await answerInSlack(deps, conversation, question, (q) =>
        deps.answers.answerCalls(q, [{ tool: "get_pod_logs", args }]),
      );
    },
  );
}
