import {
  BACKSLASH,
  DOUBLE_QUOTE,
  isLineEnd,
  isSpaceOrTab,
  isValueEnd,
  MASK,
  NEWLINE,
  RETURN,
  type Scan,
  SINGLE_QUOTE,
} from "./scan.js";
import { AUTH_SCHEMES, envNameSaysSecret, isCredentialHeader, isSecretKey } from "./secret-names.js";

/**
 * `KEY=value`, `KEY: value`, `"key": "value"`, `\"key\":\"value\"`, `--flag value`, `密码：value`, YAML block
 * scalars, and the `name: DB_PASSWORD` / `value: …` pair, when the key names a secret. Returns where scanning
 * resumes, or undefined when the token is not such a key.
 */
export function keyValueRule(scan: Scan, start: number, end: number, word: string): number | undefined {
  const flag = word.startsWith("-");
  // The separator first: it is cheap and rules out most tokens before the key is classified.
  const separator = separatorAfter(scan, end, flag);
  if (!separator) return undefined;
  const key = flag ? word.replace(/^-+/, "") : word;
  if (key === "") return undefined;
  const lower = key.toLowerCase();
  const secret = isSecretKey(key);
  const watchName = lower === "name";
  const pendingValue = lower === "value" && start <= scan.pendingValueUntil;
  if (!secret && !watchName && !pendingValue) return undefined;
  // "in auth: 2 pods" is prose about a namespace; `"auth":` and `auth=` are fields.
  if (secret && SOFT_KEYS.has(lower) && separator.kind === ":" && !separator.quoted) return undefined;
  const yamlPlain = separator.kind === ":" && scan.startsLine(start);
  // A name is only looked at (not masked), so its scan is bounded: a long line of `name=` must stay linear.
  const limit = secret || pendingValue ? Number.POSITIVE_INFINITY : 80;
  const value = valueAt(scan, separator.valueAt, start, {
    yamlPlain,
    header: secret && isCredentialHeader(key),
    limit,
  });
  if (!value) return undefined;
  if (!secret && !pendingValue) {
    const named = scan.text.slice(value.start, Math.min(value.end, value.start + 80));
    // Only the `value` of this pair: the next `name:` decides for its own.
    scan.pendingValueUntil = envNameSaysSecret(named) ? value.resume + 300 : -1;
    return undefined;
  }
  if (pendingValue) scan.pendingValueUntil = -1;
  // A YAML plain scalar cannot start with `*` (an alias): the mask goes in quotes so the YAML still parses.
  const plain = yamlPlain && !isCredentialHeader(key) && value.replacement === undefined && !value.quoted;
  scan.replace(value.start, value.end, value.replacement ?? (plain ? `"${MASK}"` : MASK));
  return value.resume;
}

/** Short secret words that are also ordinary names (a namespace `auth`, a `session`). */
const SOFT_KEYS = new Set(["auth", "session", "sig", "pat", "otp", "salt", "pass", "cred"]);

interface Separator {
  quoted: boolean;
  valueAt: number;
  kind: "=" | ":" | " ";
}

function separatorAfter(scan: Scan, end: number, flag: boolean): Separator | undefined {
  let index = end;
  const quote = scan.runEnd(index, (code) => code === BACKSLASH, 4);
  if (quote < scan.length && (scan.code(quote) === DOUBLE_QUOTE || scan.code(quote) === SINGLE_QUOTE))
    index = quote + 1;
  const afterKey = index;
  index = scan.runEnd(index, isSpaceOrTab, 64);
  const code = scan.code(index);
  if (code === 61 || code === 58 || code === 0xff1a || code === 0xff1d) {
    // "://" belongs to a URL, not a key.
    if (code === 58 && scan.code(index + 1) === 47 && scan.code(index + 2) === 47) return undefined;
    const kind = code === 61 || code === 0xff1d ? "=" : ":";
    index++;
    if (scan.code(index) === 61 || scan.code(index) === 62) index++;
    return { valueAt: scan.runEnd(index, isSpaceOrTab, 64), kind, quoted: afterKey > end };
  }
  if (flag && index > afterKey && !isLineEnd(code)) return { valueAt: index, kind: " ", quoted: false };
  return undefined;
}

interface Value {
  quoted?: boolean;
  start: number;
  end: number;
  resume: number;
  replacement?: string;
}

interface ValueOptions {
  /** `key: value` at the start of a line: a YAML plain scalar runs to the end of the line. */
  yamlPlain: boolean;
  /** Authorization or Cookie: the rest of the line is the credential. */
  header: boolean;
  /** The most characters to scan for the value. */
  limit: number;
}

function valueAt(scan: Scan, at: number, keyStart: number, options: ValueOptions): Value | undefined {
  const { text } = scan;
  if (at >= scan.length || text.startsWith(MASK, at) || isLineEnd(scan.code(at))) return undefined;
  const code = scan.code(at);
  if ((code === 124 || code === 62) && options.limit === Number.POSITIVE_INFINITY) {
    const block = blockScalar(scan, at, keyStart);
    if (block) return block;
  }
  const quoted = quotedValue(scan, at, options.limit);
  if (quoted !== null) return quoted;
  if (code === 123 || code === 91 || text.startsWith("<set to the key", at)) return undefined;
  if (options.header) {
    const schemeEnd = scan.runEnd(at, (c) => !isSpaceOrTab(c) && !isLineEnd(c), 24);
    const scheme = AUTH_SCHEMES.has(text.slice(at, schemeEnd).toLowerCase());
    const start = scheme ? scan.runEnd(schemeEnd, isSpaceOrTab, 16) : at;
    const end = scan.runEnd(start, (c) => !isLineEnd(c) && c !== DOUBLE_QUOTE && c !== SINGLE_QUOTE);
    return end > start && !text.startsWith(MASK, start) ? { start, end, resume: end } : undefined;
  }
  const end = options.yamlPlain
    ? trimEnd(
        scan,
        at,
        scan.runEnd(at, (c) => !isLineEnd(c), options.limit),
      )
    : scan.runEnd(at, (c) => !isValueEnd(c), options.limit);
  return end > at ? { start: at, end, resume: end } : undefined;
}

function trimEnd(scan: Scan, start: number, end: number): number {
  let index = end;
  while (index > start && isSpaceOrTab(scan.code(index - 1))) index--;
  return index;
}

/** A value in `"…"`, `'…'` or escaped quotes (`\"…\"` inside a JSON string): the inside is the value. */
function quotedValue(scan: Scan, at: number, limit: number): Value | undefined | null {
  const backslashes = scan.runEnd(at, (c) => c === BACKSLASH, 4) - at;
  const quote = scan.code(at + backslashes);
  if (quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE) return null;
  const inside = at + backslashes + 1;
  let index = inside;
  let close = -1;
  const stop = Math.min(scan.length, inside + limit);
  while (index < stop && !isLineEnd(scan.code(index))) {
    scan.steps++;
    const code = scan.code(index);
    if (backslashes === 0) {
      if (quote === DOUBLE_QUOTE && code === BACKSLASH) {
        index += 2;
        continue;
      }
      if (code === quote) {
        close = index;
        break;
      }
    } else if (code === quote && index - backslashes >= inside && escapedBy(scan, index, backslashes)) {
      close = index - backslashes;
      break;
    }
    index++;
  }
  const end = close < 0 ? Math.min(index, scan.length) : close;
  if (end <= inside || scan.text.startsWith(MASK, inside)) return undefined;
  return { start: inside, end, resume: close < 0 ? end : close + backslashes + 1, quoted: true };
}

function escapedBy(scan: Scan, index: number, count: number): boolean {
  for (let back = 1; back <= count; back++) if (scan.code(index - back) !== BACKSLASH) return false;
  return true;
}

/** `password: |` or `key: >-` at the end of a line: every following line indented deeper is the value. */
function blockScalar(scan: Scan, at: number, keyStart: number): Value | undefined {
  const indicatorEnd = scan.runEnd(at + 1, (c) => c === 45 || c === 43 || (c >= 48 && c <= 57), 3);
  const lineEnd = scan.runEnd(indicatorEnd, isSpaceOrTab, 64);
  if (!isLineEnd(scan.code(lineEnd))) return undefined;
  const keyLine = scan.lineStart(keyStart);
  const keyIndent = scan.runEnd(keyLine, (c) => c === 32, 256) - keyLine;
  let next = lineEnd;
  if (scan.code(next) === RETURN) next++;
  if (scan.code(next) === NEWLINE) next++;
  const first = next;
  let end = next;
  while (next < scan.length) {
    const indentEnd = scan.runEnd(next, (c) => c === 32 || c === 9);
    const lineStop = scan.runEnd(indentEnd, (c) => c !== NEWLINE);
    const blank = lineStop === indentEnd || scan.code(indentEnd) === RETURN;
    if (!blank && indentEnd - next <= keyIndent) break;
    next = lineStop < scan.length ? lineStop + 1 : lineStop;
    if (!blank) end = next;
  }
  if (end <= first) return undefined;
  const ending = scan.code(end - 1) === NEWLINE ? "\n" : "";
  return { start: first, end, resume: end, replacement: `${" ".repeat(keyIndent + 2)}${MASK}${ending}` };
}
