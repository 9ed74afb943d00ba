import type { KindLexicon } from "./kind-lexicon.js";

// `app in (web,api)`, `'tier notin (cache)'`: a set-based label selector holds spaces, so it is lifted out whole
// before the question is cut at spaces, and put back as one selector (or as the value of -l).
const SET_SELECTOR =
  /(["'`]?)\b([A-Za-z0-9][A-Za-z0-9_./-]*)\s+(in|notin)\s*\(\s*([A-Za-z0-9_.,\s-]+?)\s*\)\1/gi;
const PLACEHOLDER = /\uE000(\d+)\uE001/g;

export interface ProtectedText {
  text: string;
  /** The selectors a chunk stands for, back in place; the chunk unchanged when it holds none. */
  restore(chunk: string): string;
  /** True when the chunk is exactly one lifted selector. */
  isSelector(chunk: string): boolean;
}

/** Lifts set-based selectors out of the text; a kind before "in (" is a list of names, not a label key. */
export function protectSetSelectors(text: string, lexicon: KindLexicon): ProtectedText {
  const selectors: string[] = [];
  const protectedText = text.replace(SET_SELECTOR, (whole, _quote, key: string, operator: string, values) => {
    if (lexicon.lookup(key)) return whole;
    selectors.push(`${key} ${operator.toLowerCase()} (${values})`);
    return ` \uE000${selectors.length - 1}\uE001 `;
  });
  return {
    text: protectedText,
    restore: (chunk) => chunk.replace(PLACEHOLDER, (_whole, index: string) => selectors[Number(index)]),
    isSelector: (chunk) => /^\uE000\d+\uE001$/.test(chunk),
  };
}
