/**
 * Spellings that hide a word from the rules but not from a reader or an LLM: letters spaced out or separated
 * ("d e l e t e", "d-e-l-e-t-e", "d.e.l.e.t.e") and invisible format characters inside a word (zero-width space,
 * soft hyphen, joiners). The policy reads the word they spell; the question itself is answered as written.
 */
const FORMAT_CHARACTERS = /\p{Cf}/gu;
// Four or more single letters with one separator between each: real questions and object names do not do this.
const SPACED_LETTERS = /(?<![\p{L}\p{N}])\p{L}(?:[ .\-_*]\p{L}){3,}(?![\p{L}\p{N}])/gu;

export function withoutObfuscation(text: string): string {
  return text.replace(FORMAT_CHARACTERS, "").replace(SPACED_LETTERS, (run) => run.replace(/[ .\-_*]/g, ""));
}
