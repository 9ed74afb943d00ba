import type { types } from "@slack/bolt";
import type { Language } from "../../../core/question.js";
import { ACTION_IDS } from "./answer-actions.js";
import { encodeButtonValue } from "./button-value.js";
import { labelsFor } from "./labels.js";
import {
  contextLine,
  escapeMrkdwn,
  fallbackText,
  mrkdwnSection,
  type SlackBlock,
  type SlackMessage,
  truncateText,
} from "./limits.js";

/** The placeholder that shows progress until the answer replaces it; after 2 s, how long it has taken. */
export function renderProgressMessage(
  progress: string,
  requestId: string,
  language: Language,
  elapsedSeconds = 0,
): SlackMessage {
  const labels = labelsFor(language);
  const text = truncateText(progress, 500);
  const footer = [`${labels.requestId} \`${escapeMrkdwn(requestId)}\``];
  if (elapsedSeconds >= 2) footer.unshift(labels.stillWorking(elapsedSeconds));
  return {
    text: escapeMrkdwn(text),
    blocks: [
      mrkdwnSection(`:hourglass_flowing_sand: ${escapeMrkdwn(text)}`),
      contextLine(footer.join(" · ")),
    ],
  };
}

/** The block id of the line a refreshing answer carries on top while the new answer is computed. */
export const REFRESHING_BLOCK_ID = "refreshing";

/** Refresh on a slow question: the answer stays, under a line saying it is being refreshed and for how long. */
export function renderRefreshingMessage(
  shown: SlackBlock[],
  progress: string,
  language: Language,
  elapsedSeconds: number,
): SlackMessage {
  const labels = labelsFor(language);
  const kept = shown.filter((block) => block.block_id !== REFRESHING_BLOCK_ID).slice(0, 48);
  const line = `:hourglass_flowing_sand: ${escapeMrkdwn(truncateText(progress, 300))} · ${labels.stillWorking(elapsedSeconds)}`;
  return {
    text: escapeMrkdwn(truncateText(progress, 300)),
    blocks: [{ ...contextLine(line), block_id: REFRESHING_BLOCK_ID }, ...kept],
  };
}

export interface Problem {
  kind: "refusal" | "error";
  message: string;
  code?: string;
  requestId: string;
  language: Language;
  /** A second try may cure it: the message offers Try again. */
  retry?: boolean;
  /** The cluster is down or too slow for everyone: the channel is told too, not only the asker. */
  public?: boolean;
  /** "logs of checkout" matching several pods: the get_pod_logs arguments of each, one button each. */
  choices?: Record<string, string | boolean>[];
}

/** One Logs button per pod to choose from (action ids k8s_logs_0…, which the Logs listener also takes). */
function choiceButtons(problem: Problem): types.ActionsBlock {
  return {
    type: "actions",
    block_id: `choices-${problem.requestId}`,
    elements: (problem.choices ?? []).map((args, index) => ({
      type: "button" as const,
      action_id: `${ACTION_IDS.logs}_${index}`,
      text: { type: "plain_text" as const, text: truncateText(String(args.name), 70) },
      value: encodeButtonValue({
        id: problem.requestId,
        ...(problem.language === "zh" ? { l: "zh" as const } : {}),
        g: args,
      }),
    })),
  };
}

/** Try again: asks the stored question again (u: the button sits on a public notice it may replace). */
export function tryAgainButton(problem: Problem, inPlace: boolean): types.ActionsBlock {
  const value = encodeButtonValue({
    id: problem.requestId,
    ...(problem.language === "zh" ? { l: "zh" as const } : {}),
    ...(inPlace ? { u: 1 as const } : {}),
  });
  return {
    type: "actions",
    block_id: `retry-${problem.requestId}`,
    elements: [
      {
        type: "button",
        action_id: ACTION_IDS.retry,
        text: { type: "plain_text", text: labelsFor(problem.language).tryAgain },
        value,
      },
    ],
  };
}

/**
 * The public notice of an outage or a timeout, in the channel where the question was asked: what happened
 * in plain words and Try again; who asked and the details stay with the asker.
 */
export function renderPublicProblemMessage(problem: Problem): SlackMessage {
  const labels = labelsFor(problem.language);
  const message = escapeMrkdwn(truncateText(problem.message, 2_000));
  const footer = [`${labels.requestId} \`${escapeMrkdwn(problem.requestId)}\``];
  if (problem.code) footer.unshift(`\`${escapeMrkdwn(problem.code)}\``);
  return {
    text: fallbackText(problem.message, 2_000),
    blocks: [
      mrkdwnSection(`:rotating_light: ${message}`),
      contextLine(footer.join(" · ")),
      tryAgainButton(problem, true),
    ],
  };
}

/** A refusal or an error, in the user's language, with the request id that is also in the logs. */
export function renderProblemMessage(problem: Problem, options: { inPlace?: boolean } = {}): SlackMessage {
  const labels = labelsFor(problem.language);
  const heading =
    problem.kind === "refusal" ? `:no_entry: *${labels.refused}*` : `:warning: *${labels.couldNotAnswer}*`;
  const message = escapeMrkdwn(truncateText(problem.message, 2_000));
  const footer = [`${labels.requestId} \`${escapeMrkdwn(problem.requestId)}\``];
  if (problem.code) footer.unshift(`\`${escapeMrkdwn(problem.code)}\``);
  return {
    text: `${problem.kind === "refusal" ? labels.refused : labels.couldNotAnswer}: ${fallbackText(problem.message, 2_000)}`,
    blocks: [
      mrkdwnSection(`${heading}\n${message}`),
      contextLine(footer.join(" · ")),
      ...(problem.choices?.length ? [choiceButtons(problem)] : []),
      ...(problem.kind === "error" && problem.retry
        ? [tryAgainButton(problem, options.inPlace === true)]
        : []),
    ],
  };
}

/** The friendly "slow down" reply, in both languages (it may answer a question we have not read yet). */
export function renderSlowDownMessage(retryAfterSeconds: number, language: Language): SlackMessage {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  const first = labelsFor(language).slowDown(seconds);
  const second = labelsFor(language === "zh" ? "en" : "zh").slowDown(seconds);
  return { text: first, blocks: [mrkdwnSection(`:turtle: ${first}\n${second}`)] };
}

export { renderUsageMessage } from "./onboarding-messages.js";

/** A button whose answer is no longer kept (or a reference from elsewhere): ask again. */
export function questionExpiredMessage(language: Language): SlackMessage {
  const text = labelsFor(language).questionExpired;
  return { text, blocks: [mrkdwnSection(`:hourglass: ${text}`)] };
}

/** Details in a channel the bot was never invited to: how to invite it (only the clicker sees this). */
export function notInChannelMessage(language: Language): SlackMessage {
  const text = labelsFor(language).notInChannel;
  return { text, blocks: [mrkdwnSection(`:wave: ${text}`)] };
}
