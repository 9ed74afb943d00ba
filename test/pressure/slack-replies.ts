import type { FakeSlack, PostedMessage } from "../fakes/slack-api-server.js";

/** What the user of one `/k8s` command (its own channel, its response_url id) finally saw. */
export interface CommandReplies {
  /** Versions of channel messages that carry the answer's buttons (the answer in place). */
  answers: number;
  /** Public notices in the channel (an outage or a timeout, with Try again): told to everyone, not an answer. */
  notices: number;
  /** Private replies through response_url (refusals, errors, the fallback when the bot is not in the channel). */
  private: number;
  /** Messages posted in the channel (the placeholder; more would be duplicates). */
  posts: number;
  /** The final replies: answers + private replies. Exactly one when nothing was lost or doubled. */
  finals: number;
  /** The text of everything the user saw last. */
  text: string;
}

const hasButton = (version: { blocks?: Record<string, unknown>[] }, actionId: string) =>
  (version.blocks ?? []).some(
    (block) =>
      block.type === "actions" &&
      (block.elements as { action_id?: string }[] | undefined)?.some((e) => e.action_id === actionId),
  );
/** An answer carries Refresh; a public notice only Try again. */
const hasButtons = (version: { blocks?: Record<string, unknown>[] }) => hasButton(version, "k8s_refresh");

export function repliesTo(slack: FakeSlack, command: { channel: string; id: string }): CommandReplies {
  const messages: PostedMessage[] = [...slack.messages.values()].filter(
    (message) => message.channel === command.channel,
  );
  const answers = messages.reduce((sum, message) => sum + message.versions.filter(hasButtons).length, 0);
  const privateReplies = slack
    .callsTo("response_url")
    .filter((call) => call.params.id === command.id && call.params.response_type !== undefined);
  const shown = [
    ...messages.filter((message) => !message.deleted).map((message) => message.versions.at(-1)),
    ...privateReplies.map((call) => call.params),
  ];
  const notices = messages.filter(
    (message) => !message.deleted && hasButton(message.versions.at(-1) ?? {}, "k8s_retry"),
  ).length;
  return {
    answers,
    notices,
    private: privateReplies.length,
    posts: messages.length,
    finals: answers + privateReplies.length,
    text: JSON.stringify(shown),
  };
}

/** True once the command got a final reply (an answer in place or a private one). */
export function isSettled(slack: FakeSlack, command: { channel: string; id: string }): boolean {
  return repliesTo(slack, command).finals > 0;
}
