import type { FakeSlack, PostedMessage } from "../fakes/slack-api-server.js";

/** What the user of one `/k8s` command (its own channel, its response_url id) finally saw. */
export interface CommandReplies {
  /** Versions of channel messages that carry the answer's buttons (the answer in place). */
  answers: number;
  /** Private replies through response_url (refusals, errors, the fallback when the bot is not in the channel). */
  private: number;
  /** Messages posted in the channel (the placeholder; more would be duplicates). */
  posts: number;
  /** The final replies: answers + private replies. Exactly one when nothing was lost or doubled. */
  finals: number;
  /** The text of everything the user saw last. */
  text: string;
}

const hasButtons = (version: { blocks?: Record<string, unknown>[] }) =>
  (version.blocks ?? []).some((block) => block.type === "actions");

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
  return {
    answers,
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
