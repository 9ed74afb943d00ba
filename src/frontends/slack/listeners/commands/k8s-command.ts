import type { App } from "@slack/bolt";
import { askFromSlack } from "../../ask-from-slack.js";
import type { SlackDeps } from "../../slack-deps.js";
import { isDirectChannel } from "../../slack-question.js";

export const K8S_COMMAND = "/k8s";

/** `/k8s <question>`: ack at once (Slack gives 3 s), then answer in the channel. */
export function registerK8sCommand(app: App, deps: SlackDeps): void {
  app.command(K8S_COMMAND, async ({ command, ack, respond, client }) => {
    await ack();
    await askFromSlack(deps, {
      deliveryId: `command:${command.trigger_id}`,
      text: command.text,
      conversation: {
        client,
        channel: command.channel_id,
        user: command.user_id,
        isDirect: isDirectChannel(command.channel_id),
        respond,
        announceAsker: !isDirectChannel(command.channel_id),
      },
    });
  });
}
