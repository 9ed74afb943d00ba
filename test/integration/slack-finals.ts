import type { FakeSlack, PostedMessage } from "../fakes/slack-api-server.js";
import { isAnswered } from "./slack-harness.js";

/**
 * The final answers a channel got: its messages that ended as an answer, and answers posted in the channel
 * through a response_url (whose id, by the tests' convention, starts with `${channel}-`).
 */
export function finalAnswers(slack: FakeSlack, channel: string): unknown[] {
  const messages = [...slack.messages.values()].filter(
    (message) => message.channel === channel && !message.deleted && isAnswered(message),
  );
  const viaResponseUrl = slack
    .callsTo("response_url")
    .filter(
      (call) =>
        String(call.params.id).startsWith(`${channel}-`) &&
        call.params.response_type === "in_channel" &&
        isAnswered(call.params as Pick<PostedMessage, "blocks">),
    );
  return [...messages, ...viaResponseUrl];
}

/** Messages in the channel still showing something other than an answer ("Working on it…" left behind). */
export function leftPlaceholders(slack: FakeSlack, channel: string): PostedMessage[] {
  return [...slack.messages.values()].filter(
    (message) => message.channel === channel && !message.deleted && !isAnswered(message),
  );
}
