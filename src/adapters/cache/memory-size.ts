/**
 * Roughly what a string held in memory costs: V8 keeps one- or two-byte strings, so two bytes per
 * UTF-16 unit is the upper bound, plus a fixed overhead per object.
 */
export function stringBytes(text: string): number {
  return 2 * text.length + 32;
}
