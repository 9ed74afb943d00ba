/**
 * Slack turns `<!channel>`, `<!here>`, `<@U…>`, `<#C…>` and `<https://…|label>` in mrkdwn (the top-level
 * `text` included, and a file's initial comment) into live mentions and links. What a bot relays from a
 * cluster or an LLM must arrive escaped (`&lt;`), and mrkdwn objects carrying it must be `verbatim`.
 */
const LIVE_MARKUP = /<(?:!|@[UW]|#C|(?:https?|mailto):)[^>]*>/;

/** The one block where the bot itself writes a mention: "<@asker> asked: `…`". */
const ASKER_BLOCK = "asker";

function mrkdwnObjects(
  value: unknown,
  found: { text: string; verbatim?: boolean; asker: boolean }[] = [],
  asker = false,
) {
  if (Array.isArray(value)) for (const item of value) mrkdwnObjects(item, found, asker);
  else if (value && typeof value === "object") {
    const object = value as Record<string, unknown>;
    const inAsker = asker || object.block_id === ASKER_BLOCK;
    if (object.type === "mrkdwn" && typeof object.text === "string")
      found.push({ text: object.text, verbatim: object.verbatim as boolean | undefined, asker: inAsker });
    for (const child of Object.values(object)) mrkdwnObjects(child, found, inAsker);
  }
  return found;
}

/** What a strict Slack reviewer would flag in one message: live markup anywhere, mrkdwn not verbatim. */
export function liveMarkupViolations(message: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const field of ["text", "initial_comment"]) {
    const value = message[field];
    if (typeof value === "string" && LIVE_MARKUP.test(value))
      problems.push(`${field}: live markup ${LIVE_MARKUP.exec(value)?.[0]}`);
  }
  for (const object of mrkdwnObjects(message.blocks)) {
    // The asker line may mention the asker, once, at its start; nothing else there may be live.
    const text = object.asker ? object.text.replace(/^<@[UW][A-Z0-9]+>/, "") : object.text;
    if (LIVE_MARKUP.test(text)) problems.push(`blocks: live markup ${LIVE_MARKUP.exec(text)?.[0]}`);
    if (object.verbatim !== true)
      problems.push(`blocks: mrkdwn without verbatim: ${object.text.slice(0, 60)}`);
  }
  return problems;
}
