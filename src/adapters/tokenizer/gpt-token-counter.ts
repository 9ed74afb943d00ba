import { createRequire } from "node:module";
import type { TokenCounter } from "../../core/agent/token-estimate.js";

type Tokenizer = typeof import("gpt-tokenizer");

let tokenizer: Tokenizer | undefined;

/** Loaded on first use: its vocabulary takes a second or more to load, which a builtin-only server never needs. */
function load(): Tokenizer {
  tokenizer ??= createRequire(import.meta.url)("gpt-tokenizer") as Tokenizer;
  return tokenizer;
}

/**
 * Tokens as OpenAI's o200k_base counts them (gpt-tokenizer's default encoding), exactly: tool output
 * (JSON, IP lists, UUIDs) is where a characters-per-token guess under-counts two to four times.
 */
export const gptTokenCounter: TokenCounter = {
  count: (text) => load().countTokens(text),
  head(text, maxTokens) {
    const { encode, decode } = load();
    const tokens = encode(text);
    if (tokens.length <= maxTokens) return text;
    let head = decode(tokens.slice(0, maxTokens));
    // A cut inside a multi-byte character decodes to U+FFFD: drop it rather than send it.
    while (head.endsWith("\uFFFD")) head = head.slice(0, -1);
    return head;
  },
};
