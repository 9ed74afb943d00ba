import { randomBytes } from "node:crypto";
import type { ChannelScopes } from "../../config/channels.js";
import type { Question } from "../../core/question.js";

/** Where a Slack question came from. */
export interface SlackAsker {
  user: string;
  channel: string;
  isDirect: boolean;
}

/** A short id for logs and user-facing errors: 8 hex characters. */
export function newRequestId(): string {
  return randomBytes(4).toString("hex");
}

/**
 * The question as the user typed it: mentions removed, Slack's auto-links (`<http://a.b|a.b>`, `<#C1|ops>`)
 * back to their text, `&amp; &lt; &gt;` unescaped, whitespace collapsed.
 */
export function questionText(raw: string | undefined): string {
  return (raw ?? "")
    .replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, " ")
    .replace(/<[^>|]+\|([^>]+)>/g, "$1")
    .replace(/<((?:https?|mailto):[^>]+)>/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

const HELP_WORDS = new Set(["", "help", "-h", "--help", "?", "？", "帮助", "使用说明"]);

export function isHelpRequest(text: string): boolean {
  return HELP_WORDS.has(text.toLowerCase());
}

/** Slack conversation ids: D… is a direct message with the bot. */
export function isDirectChannel(channel: string): boolean {
  return channel.startsWith("D");
}

export function buildSlackQuestion(
  text: string,
  asker: SlackAsker,
  channels: ChannelScopes,
  fresh = false,
): Question {
  return {
    text,
    user: asker.user,
    channel: asker.channel,
    frontend: "slack",
    scope: channels.scopeFor(asker.channel, asker.isDirect),
    fresh: fresh || undefined,
    requestId: newRequestId(),
  };
}
