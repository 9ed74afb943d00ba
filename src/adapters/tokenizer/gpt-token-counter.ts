import { countTokens, decode, encode } from "gpt-tokenizer";
import type { TokenCounter } from "../../core/agent/token-estimate.js";

/**
 * Tokens as OpenAI's o200k_base counts them (gpt-tokenizer's default encoding), exactly: tool output
 * (JSON, IP lists, UUIDs) is where a characters-per-token guess under-counts two to four times.
 */
export const gptTokenCounter: TokenCounter = {
  count: (text) => countTokens(text),
  head(text, maxTokens) {
    const tokens = encode(text);
    if (tokens.length <= maxTokens) return text;
    let head = decode(tokens.slice(0, maxTokens));
    // A cut inside a multi-byte character decodes to U+FFFD: drop it rather than send it.
    while (head.endsWith("\uFFFD")) head = head.slice(0, -1);
    return head;
  },
};
