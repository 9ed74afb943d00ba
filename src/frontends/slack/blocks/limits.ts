import type { types } from "@slack/bolt";

/** Slack's Block Kit limits (block reference pages and @slack/types), and our own budget under the undocumented total. */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3_000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2_000,
  tableRows: 100,
  tableCells: 20,
  messageText: 40_000,
  /** `msg_blocks_too_long` was reported near 13k characters of blocks JSON: stay well under it. */
  blocksJson: 12_000,
} as const;

/** Cells longer than this are cut in the channel; the thread and files carry the full value. */
export const TABLE_CELL_CHARS = 200;

export type SlackBlock = types.KnownBlock;

/** A message ready for chat.postMessage / chat.update. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/** Characters the blocks take on the wire, the measure Slack's total cap applies to. */
export function blocksSize(blocks: readonly unknown[]): number {
  return JSON.stringify(blocks).length;
}

/** Cuts text to `max` characters (code points kept whole), ending with an ellipsis when cut. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  // Never leave half a surrogate pair at the end.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** Slack mrkdwn needs &, < and > escaped; everything else shows as typed. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * A message's top-level `text` (the notification and the fallback) is mrkdwn too: cluster or LLM text there
 * must not become a live `<!channel>`, `<@U…>` or `<https://…|…>` link, so it is escaped like the blocks.
 */
export function fallbackText(text: string, max: number = SLACK_LIMITS.sectionText): string {
  return escapeMrkdwn(truncateText(text, max));
}

/** Code fences cannot be escaped in mrkdwn: break any ``` inside the text so the block stays closed. */
export function fenceCode(text: string): string {
  return `\`\`\`${escapeMrkdwn(text).replace(/```/g, "`\u200b``")}\`\`\``;
}

export function mrkdwnSection(text: string, blockId?: string): types.SectionBlock {
  const section: types.SectionBlock = {
    type: "section",
    // verbatim: cluster names that look like URLs or channel names stay text, never links Slack makes up.
    text: { type: "mrkdwn", text: truncateText(text || " ", SLACK_LIMITS.sectionText), verbatim: true },
  };
  if (blockId) section.block_id = blockId;
  return section;
}

export function contextLine(text: string): types.ContextBlock {
  return {
    type: "context",
    elements: [{ type: "mrkdwn", text: truncateText(text || " ", SLACK_LIMITS.sectionText), verbatim: true }],
  };
}
