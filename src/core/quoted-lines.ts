// A line set off in the question: `...`, "...", “...”, 「...」.
const QUOTED = /`([^`\n]+)`|"([^"\n]+)"|“([^”\n]+)”|「([^」\n]+)」/g;
const COMMAND = /^\s*(?:kubectl|k|oc|helm|kubecolor)\s/;

/** The quoted lines of a question that hold at least two words and are no command: what someone saw in a log. */
export function quotedLines(text: string): string[] {
  return [...text.matchAll(QUOTED)]
    .map((match) => match.slice(1).find((group) => group !== undefined) ?? "")
    .filter((quote) => /\S\s+\S/.test(quote.trim()) && !COMMAND.test(quote));
}
