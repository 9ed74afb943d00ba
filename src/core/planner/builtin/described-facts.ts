import { describedLinesAsked } from "../../described-lines.js";

export interface DescribedLineAsk {
  podOnly: boolean;
  data: boolean;
}

/** A question for a describe line with no `fields` value (described-lines.ts): plan the description itself. */
export function asksForDescribedLine(text: string): DescribedLineAsk | undefined {
  const lines = describedLinesAsked(text);
  if (lines.length === 0) return undefined;
  return { podOnly: lines.some((line) => line.podOnly), data: lines.some((line) => line.data) };
}
