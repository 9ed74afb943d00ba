/**
 * Slack turns `<!channel>`, `<!here>`, `<@U…>`, `<#C…>` and `<https://…|label>` in mrkdwn (the top-level
 * `text` included, and a file's initial comment) into live mentions and links. What a bot relays from a
 * cluster or an LLM must arrive escaped (`&lt;`), and mrkdwn objects carrying it must be `verbatim`.
 */
const LIVE_MARKUP = /<(?:!|@[UW]|#C|(?:https?|mailto):)[^>]*>/;

function mrkdwnObjects(value: unknown, found: { text: string; verbatim?: boolean }[] = []) {
  if (Array.isArray(value)) for (const item of value) mrkdwnObjects(item, found);
  else if (value && typeof value === "object") {
    const object = value as Record<string, unknown>;
    if (object.type === "mrkdwn" && typeof object.text === "string")
      found.push({ text: object.text, verbatim: object.verbatim as boolean | undefined });
    for (const child of Object.values(object)) mrkdwnObjects(child, found);
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
    if (LIVE_MARKUP.test(object.text))
      problems.push(`blocks: live markup ${LIVE_MARKUP.exec(object.text)?.[0]}`);
    if (object.verbatim !== true)
      problems.push(`blocks: mrkdwn without verbatim: ${object.text.slice(0, 60)}`);
  }
  return problems;
}
