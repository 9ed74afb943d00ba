import { base64Rule } from "./base64-rule.js";
import { keyValueRule } from "./key-value-rule.js";
import { isBase64Code, isTokenCode, Scan } from "./scan.js";
import {
  authSchemeRule,
  jwtRule,
  mysqlPasswordRule,
  privateKeyBlockRule,
  userFlagRule,
  vendorTokenRule,
  webhookRule,
} from "./token-rules.js";
import { goDsnRule, urlCredentialRule } from "./url-rules.js";

/** Longer tokens are never keys or flags; only the shape rules (vendor prefixes, JWTs, base64) look at them. */
const MAX_WORD = 256;

export interface ScanResult {
  text: string;
  /** Characters examined, look-ups included: proportional to the text's length (the linear-time guarantee). */
  steps: number;
}

/**
 * One left-to-right pass: at the start of each token (letters, digits, `_ . -`, CJK), the rules that may
 * begin there run in turn; the first that matches masks and says where to resume.
 */
export function scanText(text: string, depth = 0): ScanResult {
  const scan = new Scan(text, depth);
  const decoded = (inner: string) => {
    const result = scanText(inner, depth + 1);
    return { changed: result.text !== inner, steps: result.steps };
  };
  let index = 0;
  let previous = Number.NaN;
  while (index < text.length) {
    scan.steps++;
    const code = text.charCodeAt(index);
    if (isTokenCode(code)) {
      const end = scan.runEnd(index, isTokenCode);
      if (isTokenCode(previous)) {
        // Resumed inside a token (after a masked block): the rest of it is no token start.
        index = end;
        previous = text.charCodeAt(index - 1);
        continue;
      }
      // A token start: the character before it is not a token character (`previous`, tracked as we go).
      const next =
        tokenRules(scan, index, end) ??
        (isBase64Code(previous) ? undefined : base64Rule(scan, index, decoded));
      index = Math.max(next ?? end, index + 1);
      previous = text.charCodeAt(index - 1);
      continue;
    }
    if ((code === 43 || code === 47) && !isBase64Code(previous)) {
      const next = base64Rule(scan, index, decoded);
      if (next !== undefined) {
        index = next;
        previous = text.charCodeAt(index - 1);
        continue;
      }
    }
    previous = code;
    index++;
  }
  return { text: scan.result(), steps: scan.steps };
}

function tokenRules(scan: Scan, start: number, end: number): number | undefined {
  const word = end - start <= MAX_WORD ? scan.text.slice(start, end) : "";
  if (word !== "" && mayStartWordRule(scan, start, end)) {
    scan.steps += word.length;
    const found =
      privateKeyBlockRule(scan, start, word) ??
      urlCredentialRule(scan, end, word) ??
      keyValueRule(scan, start, end, word) ??
      userFlagRule(scan, end, word) ??
      mysqlPasswordRule(scan, start, end, word) ??
      authSchemeRule(scan, end, word) ??
      webhookRule(scan, start, end, word);
    if (found !== undefined) return found;
  }
  return vendorTokenRule(scan, start, end) ?? jwtRule(scan, start, end) ?? goDsnRule(scan, end);
}

/**
 * Every word rule needs one of these around the token: a separator or a space after it (keys, flags, schemes),
 * `:`/`/` after it (URLs, webhooks), or a leading `-` (flags, PEM). Most tokens of prose and tables have none
 * of the separators, and skip the rules at the cost of a look at the next character.
 */
function mayStartWordRule(scan: Scan, start: number, end: number): boolean {
  const next = scan.code(end);
  if (scan.code(start) === 45 || next === 32 || next === 9) return true;
  return (
    next === 58 ||
    next === 61 ||
    next === 47 ||
    next === 34 ||
    next === 39 ||
    next === 92 ||
    next === 0xff1a ||
    next === 0xff1d
  );
}
