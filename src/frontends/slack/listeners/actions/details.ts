import type { App, BlockButtonAction } from "@slack/bolt";
import { postAnswerDetails } from "../../answer-details.js";
import { ACTION_IDS } from "../../blocks/answer-actions.js";
import { readButtonClick } from "../../button-click.js";
import { isFirstDelivery } from "../../first-delivery.js";
import type { SlackDeps } from "../../slack-deps.js";

/** Details: the rest of the answer in the message's thread. */
export function registerDetailsAction(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTION_IDS.details, async ({ ack, body, client, respond }) => {
    await ack();
    const click = readButtonClick({ body, client, respond });
    if (!click || !(await isFirstDelivery(deps.dedup, click.deliveryId))) return;
    await postAnswerDetails(deps, click);
  });
}
