/** Counts tokens the way the LLM will, and cuts text to a token budget. */
export interface TokenCounter {
  count(text: string): number;
  /** The longest head of `text` within `maxTokens`. */
  head(text: string, maxTokens: number): string;
}

/**
 * The core's fallback without a tokenizer: one token per UTF-8 byte, an upper bound for byte-level BPE
 * tokenizers (every token is at least one byte). Pessimistic by design: the adapter's real tokenizer is
 * what a deployment uses; this only keeps a test or tool without one from overshooting the budget.
 */
export const byteTokenCounter: TokenCounter = {
  count: (text) => Buffer.byteLength(text),
  head(text, maxTokens) {
    const bytes = Buffer.from(text);
    if (bytes.length <= maxTokens) return text;
    let end = maxTokens;
    // Back up to a character boundary (UTF-8 continuation bytes are 10xxxxxx).
    while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--;
    return bytes.subarray(0, end).toString("utf8");
  },
};

/** Cuts text to at most `maxTokens` (the note it gains included), keeping the head, and says how much was cut. */
export function truncateToTokens(
  text: string,
  maxTokens: number,
  counter: TokenCounter = byteTokenCounter,
): string {
  if (counter.count(text) <= maxTokens) return text;
  const note = (cut: number) => `\n…[${cut} more characters cut]`;
  const room = Math.max(0, maxTokens - counter.count(note(text.length)));
  const head = counter.head(text, room);
  return `${head}${note(text.length - head.length)}`;
}
