/** LLM tokens, as the Agent port reports them. */
export interface TokenCount {
  in: number;
  out: number;
}

const spentBeforeFailing = new WeakMap<object, TokenCount>();

/**
 * Marks an error with the tokens the LLM had already used when the attempt failed (a second round that timed out,
 * a refusal, an empty reply), so the user's budget is charged for them too. Returns the error, to rethrow.
 */
export function withTokensSpent(error: unknown, tokens: TokenCount): unknown {
  if (typeof error === "object" && error !== null && tokens.in + tokens.out > 0) {
    spentBeforeFailing.set(error, { in: tokens.in, out: tokens.out });
  }
  return error;
}

/** The tokens a failed attempt used, as marked by withTokensSpent; none when it was not marked. */
export function tokensSpentBy(error: unknown): TokenCount {
  const marked = typeof error === "object" && error !== null ? spentBeforeFailing.get(error) : undefined;
  return marked ?? { in: 0, out: 0 };
}
