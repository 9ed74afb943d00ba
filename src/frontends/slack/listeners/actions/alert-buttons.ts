import type { App, BlockButtonAction } from "@slack/bolt";
import { slackAlertDelivery } from "../../../alerts/alert-delivery.js";
import { ALERT_ACTION_IDS, renderInvestigation } from "../../../alerts/alert-message.js";
import { type AlertRecord, recallAlert, rememberInvestigationTs } from "../../../alerts/alert-record.js";
import { alertLogs, alertRequestId, investigateAlert } from "../../../alerts/investigate.js";
import { contextLine, mrkdwnSection } from "../../blocks/limits.js";
import { renderSlowDownMessage } from "../../blocks/notice-messages.js";
import { type ButtonClick, readButtonClick } from "../../button-click.js";
import { isFirstDelivery } from "../../first-delivery.js";
import { replyPrivately } from "../../slack-conversation.js";
import type { SlackDeps } from "../../slack-deps.js";

const expired = {
  text: "This alert is no longer on record (kept 7 days): open it in Alertmanager.",
  blocks: [mrkdwnSection("This alert is no longer on record (kept 7 days): open it in Alertmanager.")],
};

/** The stored alert behind the click, within the clicker's budget; undefined when it was answered privately. */
async function clickedAlert(deps: SlackDeps, click: ButtonClick): Promise<AlertRecord | undefined> {
  const { conversation } = click;
  const record = await recallAlert(deps.dedup, click.payload.id, conversation.channel);
  if (!record) {
    await replyPrivately(conversation, expired);
    return undefined;
  }
  const rate = await deps.rateLimiter.take(`slack:user:${conversation.user}`, deps.limits.userPerMinute, 60);
  if (!rate.allowed) {
    await replyPrivately(conversation, renderSlowDownMessage(rate.retryAfterSeconds, "en"));
    return undefined;
  }
  return record;
}

/**
 * Refresh and Logs on an alert message: they act on the alert record the poster stored (the button
 * carries its reference only), read the cluster again and answer in the alert's thread. Read-only.
 */
export function registerAlertActions(app: App, deps: SlackDeps): void {
  const now = () => deps.clock?.now() ?? Date.now();
  const requestId = (record: AlertRecord, kind: string) =>
    `${alertRequestId(record.alert)}-${kind}-${now().toString(36)}`;

  app.action<BlockButtonAction>(ALERT_ACTION_IDS.refresh, async ({ ack, body, client, respond }) => {
    await ack();
    const click = readButtonClick({ body, client, respond });
    if (!click || !(await isFirstDelivery(deps.dedup, click.deliveryId))) return;
    const record = await clickedAlert(deps, click);
    if (!record) return;
    const investigation = await investigateAlert(deps.answers, record.alert, {
      scope: deps.channels.scopeFor(record.channel, click.conversation.isDirect),
      channel: record.channel,
      requestId: requestId(record, "refresh"),
      now: now(),
      fresh: true,
    });
    const rendered = renderInvestigation(investigation, { now: now() });
    // No mention: the thread is everyone's, and Slack would notify the clicker of their own click.
    const stamp = contextLine(
      `refreshed at ${new Date(now()).toISOString().slice(11, 16)} UTC from the cluster`,
    );
    const message = { text: rendered.text, blocks: [...rendered.blocks.slice(0, 49), stamp] };
    const delivery = slackAlertDelivery(client);
    if (record.investigationTs) {
      await delivery.update(record.channel, record.investigationTs, message);
    } else {
      const ts = await delivery.post(record.channel, message, record.messageTs);
      await rememberInvestigationTs(deps.dedup, click.payload.id, ts);
    }
  });

  app.action<BlockButtonAction>(ALERT_ACTION_IDS.logs, async ({ ack, body, client, respond }) => {
    await ack();
    const click = readButtonClick({ body, client, respond });
    if (!click || !(await isFirstDelivery(deps.dedup, click.deliveryId))) return;
    const record = await clickedAlert(deps, click);
    if (!record) return;
    const logs = await alertLogs(deps.answers, record.alert, {
      scope: deps.channels.scopeFor(record.channel, click.conversation.isDirect),
      channel: record.channel,
      requestId: requestId(record, "logs"),
    });
    await slackAlertDelivery(client).post(
      record.channel,
      renderInvestigation(logs, { now: now() }),
      record.messageTs,
    );
  });
}
