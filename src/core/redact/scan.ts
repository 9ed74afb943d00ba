/**
 * The redactor's cursor: the text, the replacements made so far, and the look-ups rules share. Every loop over
 * characters adds to `steps`, and every forward look-up is cached so that no character is scanned more than a
 * fixed number of times: the redactor runs in linear time, and `steps` shows it (see test/core/redact-linear).
 */
export const MASK = "****";

export const NEWLINE = 10;
export const RETURN = 13;
export const BACKSLASH = 92;
export const DOUBLE_QUOTE = 34;
export const SINGLE_QUOTE = 39;

/** Letters, digits, `_ . -` and CJK ideographs: the characters of a key, a name or a token. */
export function isTokenCode(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95 ||
    code === 46 ||
    code === 45 ||
    (code >= 0x3400 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff)
  );
}

/** The base64 and base64url alphabets (padding aside). */
export function isBase64Code(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 43 ||
    code === 47 ||
    code === 95 ||
    code === 45
  );
}

export const isSpaceOrTab = (code: number) => code === 32 || code === 9;
export const isLineEnd = (code: number) => code === NEWLINE || code === RETURN || Number.isNaN(code);

/** Where a URL or a `user:pass@host` ends: white space, quotes, angle brackets, a backslash (escaped JSON). */
export function isSegmentBreak(code: number): boolean {
  return (
    Number.isNaN(code) ||
    code <= 32 ||
    code === DOUBLE_QUOTE ||
    code === SINGLE_QUOTE ||
    code === 60 ||
    code === 62 ||
    code === 96 ||
    code === BACKSLASH ||
    code === 0x3000
  );
}

/** Where an unquoted value ends: a segment break or `, ; & } ) ]` (ASCII or full-width). */
export function isValueEnd(code: number): boolean {
  return (
    isSegmentBreak(code) ||
    code === 44 ||
    code === 59 ||
    code === 38 ||
    code === 125 ||
    code === 41 ||
    code === 93 ||
    code === 0xff0c ||
    code === 0xff1b ||
    code === 0x3002 ||
    code === 0x3001 ||
    code === 0xff09
  );
}

export class Scan {
  steps = 0;
  /** A `name: DB_PASSWORD` pair was seen: a `value` key before this offset holds its secret. */
  pendingValueUntil = -1;
  /** The start of the last line that ran a MySQL client (its `-pVALUE` is a password). */
  mysqlLine = -1;
  private readonly parts: string[] = [];
  private copied = 0;
  private lineScanned = 0;
  private lastLineStart = 0;
  private segment = { from: -1, end: -1, lastAt: -1 };
  private nextAt = { from: -1, at: -1 };
  private pemEnd = { from: -1, at: -1 };

  constructor(
    readonly text: string,
    readonly depth: number,
  ) {}

  get length(): number {
    return this.text.length;
  }

  code(index: number): number {
    return this.text.charCodeAt(index);
  }

  /** Replaces text[start, end) in the output; calls come in increasing order of `start`. */
  replace(start: number, end: number, replacement: string): void {
    this.parts.push(this.text.slice(this.copied, start), replacement);
    this.copied = end;
  }

  result(): string {
    if (this.parts.length === 0) return this.text;
    return this.parts.join("") + this.text.slice(this.copied);
  }

  /** The first index at or after `from` whose character fails `keep`, scanning at most `limit` characters. */
  runEnd(from: number, keep: (code: number) => boolean, limit = Number.POSITIVE_INFINITY): number {
    let index = from;
    const stop = Math.min(this.length, from + limit);
    while (index < stop && keep(this.code(index))) index++;
    this.steps += index - from + 1;
    return index;
  }

  /** Where the line holding `index` starts; `index` never goes backwards by much, so this is a forward scan. */
  lineStart(index: number): number {
    if (index < this.lineScanned) {
      const start = this.text.lastIndexOf("\n", index - 1) + 1;
      this.steps += index - start + 1;
      return start;
    }
    while (this.lineScanned < index) {
      if (this.code(this.lineScanned) === NEWLINE) this.lastLineStart = this.lineScanned + 1;
      this.lineScanned++;
      this.steps++;
    }
    return this.lastLineStart;
  }

  /** The end of the URL-like segment holding `from`, and its last `@` at or after `from` (-1 if none). */
  segmentFrom(from: number): { end: number; lastAt: number } {
    const cached = this.segment;
    if (!(from >= cached.from && from < cached.end)) {
      let lastAt = -1;
      let index = from;
      while (index < this.length && !isSegmentBreak(this.code(index))) {
        if (this.code(index) === 64) lastAt = index;
        index++;
      }
      this.steps += index - from + 1;
      this.segment = { from, end: index, lastAt };
    }
    return { end: this.segment.end, lastAt: this.segment.lastAt >= from ? this.segment.lastAt : -1 };
  }

  /** The first `@` or segment break at or after `from`. */
  nextAtOrBreak(from: number): number {
    if (!(from >= this.nextAt.from && from <= this.nextAt.at)) {
      let index = from;
      while (index < this.length && this.code(index) !== 64 && !isSegmentBreak(this.code(index))) index++;
      this.steps += index - from + 1;
      this.nextAt = { from, at: index };
    }
    return this.nextAt.at;
  }

  /** The first `-----END` at or after `from`, or -1. */
  pemEndFrom(from: number): number {
    const cached = this.pemEnd;
    if (!(cached.from >= 0 && from >= cached.from && (cached.at === -1 || from <= cached.at))) {
      const at = this.text.indexOf("-----END", from);
      this.steps += (at < 0 ? this.length : at) - from + 1;
      this.pemEnd = { from, at };
    }
    return this.pemEnd.at;
  }

  /** True when only indentation, a list dash or a quote stands between the line start and `index`. */
  startsLine(index: number): boolean {
    for (let back = index - 1; back >= Math.max(0, index - 32); back--) {
      this.steps++;
      const code = this.code(back);
      if (code === NEWLINE) return true;
      if (!(isSpaceOrTab(code) || code === 45 || code === DOUBLE_QUOTE || code === SINGLE_QUOTE))
        return false;
    }
    return index <= 32;
  }
}
