import { isSegmentBreak, isSpaceOrTab, isTokenCode, MASK, type Scan } from "./scan.js";

/**
 * Secrets recognised by their own shape, wherever they stand: vendor token prefixes, JWTs (also split over
 * lines), PEM and PGP private-key blocks, `Bearer`/`Basic` credentials, webhook URLs, `curl -u user:pass`,
 * `mysql -pPASS`. Each returns where scanning resumes, or undefined when the token is not one.
 */

/** Prefix, the least number of characters after it, the prefix kept in front of the mask. */
const VENDOR_PREFIXES: [string, number][] = [
  ["sk-", 12],
  ["sk_live_", 16],
  ["sk_test_", 16],
  ["rk_live_", 16],
  ["rk_test_", 16],
  ["whsec_", 16],
  ["xoxb-", 6],
  ["xoxp-", 6],
  ["xoxa-", 6],
  ["xoxo-", 6],
  ["xoxs-", 6],
  ["xoxr-", 6],
  ["xoxe-", 6],
  ["xoxe.", 6],
  ["xapp-", 6],
  ["ghp_", 20],
  ["gho_", 20],
  ["ghu_", 20],
  ["ghs_", 20],
  ["ghr_", 20],
  ["github_pat_", 20],
  ["glpat-", 16],
  ["gldt-", 16],
  ["AIza", 30],
  ["ya29.", 20],
  ["npm_", 30],
  ["hf_", 30],
  ["pypi-", 40],
  ["SG.", 40],
  ["dop_v1_", 40],
  ["shpat_", 20],
  ["shpss_", 20],
  ["glsa_", 20],
  ["dckr_pat_", 20],
  ["hvs.", 20],
  ["sq0atp-", 20],
];

/** The prefixes by their first character, so most tokens are ruled out by one look-up. */
const PREFIXES_BY_FIRST = new Map<number, [string, number][]>();
for (const entry of VENDOR_PREFIXES) {
  const first = entry[0].charCodeAt(0);
  PREFIXES_BY_FIRST.set(first, [...(PREFIXES_BY_FIRST.get(first) ?? []), entry]);
}

export function vendorTokenRule(scan: Scan, start: number, end: number): number | undefined {
  const { text } = scan;
  for (const [prefix, least] of PREFIXES_BY_FIRST.get(scan.code(start)) ?? []) {
    if (end - start - prefix.length >= least && text.startsWith(prefix, start)) {
      scan.replace(start, end, `${prefix}${MASK}`);
      return end;
    }
  }
  // AWS access key ids: AKIA/ASIA and 16 upper-case letters or digits.
  if (
    end - start === 20 &&
    scan.code(start) === 65 &&
    /^(?:AKIA|ASIA)[A-Z0-9]{16}$/.test(text.slice(start, end))
  ) {
    scan.replace(start, end, `${text.slice(start, start + 4)}${MASK}`);
    return end;
  }
  return undefined;
}

const isBase64UrlOrDot = (code: number) => isTokenCode(code) && code < 128;

/** A JWT: `eyJ…` and its `.payload.signature`, also when a line break or an escaped `\n` splits it. */
export function jwtRule(scan: Scan, start: number, end: number): number | undefined {
  if (end - start < 16 || !scan.text.startsWith("eyJ", start)) return undefined;
  let dots = countDots(scan, start, end);
  let position = end;
  // A piece ending in "." means the next piece (payload or signature) follows after the line break.
  for (let piece = 0; piece < 3 && (dots < 2 || scan.code(position - 1) === 46); piece++) {
    const next = skipLineBreaks(scan, position);
    if (next === position) break;
    const endsWithDot = scan.code(position - 1) === 46;
    let at = next;
    if (scan.code(at) === 46) at++;
    else if (!endsWithDot) break;
    const runEnd = scan.runEnd(at, isBase64UrlOrDot);
    if (runEnd - at < 8) break;
    dots += countDots(scan, next, runEnd);
    position = runEnd;
  }
  scan.replace(start, position, MASK);
  return position;
}

function countDots(scan: Scan, start: number, end: number): number {
  let dots = 0;
  for (let index = start; index < end; index++) if (scan.code(index) === 46) dots++;
  scan.steps += end - start;
  return dots;
}

/** White space, real or escaped (`\n`, `\r\n` inside a JSON string), up to a few characters. */
function skipLineBreaks(scan: Scan, from: number): number {
  let index = from;
  while (index < from + 16) {
    scan.steps++;
    const code = scan.code(index);
    if (code === 32 || code === 9 || code === 10 || code === 13) index++;
    else if (code === 92 && (scan.code(index + 1) === 110 || scan.code(index + 1) === 114)) index += 2;
    else break;
  }
  return index;
}

/** `-----BEGIN … PRIVATE KEY-----` (RSA, EC, OPENSSH, ENCRYPTED, PGP … BLOCK) up to its END line or the end. */
export function privateKeyBlockRule(scan: Scan, start: number, word: string): number | undefined {
  if (word !== "-----BEGIN") return undefined;
  const { text } = scan;
  const headerEnd = text.indexOf("-----", start + word.length);
  if (headerEnd < 0 || headerEnd - start > 80) return undefined;
  scan.steps += headerEnd - start;
  const header = text.slice(start + word.length, headerEnd).trim();
  if (!/PRIVATE KEY/.test(header)) return undefined;
  const endMarker = scan.pemEndFrom(headerEnd + 5);
  let stop = text.length;
  if (endMarker >= 0) {
    const close = text.indexOf("-----", endMarker + 8);
    stop = close >= 0 && close - endMarker < 80 ? close + 5 : endMarker + 8;
  }
  scan.replace(start, stop, `-----BEGIN ${header}----- ${MASK} -----END ${header}-----`);
  return stop;
}

const CREDENTIAL_CODE = (code: number) =>
  (code >= 48 && code <= 57) ||
  (code >= 65 && code <= 90) ||
  (code >= 97 && code <= 122) ||
  code === 45 ||
  code === 46 ||
  code === 95 ||
  code === 126 ||
  code === 43 ||
  code === 47 ||
  code === 61;

/** `Bearer <credential>` and `Basic <credential>`, any case; a plain word after them ("bearer authentication") stays. */
export function authSchemeRule(scan: Scan, end: number, word: string): number | undefined {
  if (word.length !== 6 && word.length !== 5) return undefined;
  const lower = word.toLowerCase();
  if (lower !== "bearer" && lower !== "basic") return undefined;
  const at = scan.runEnd(end, isSpaceOrTab, 8);
  if (at === end || scan.text.startsWith(MASK, at)) return undefined;
  const credentialEnd = scan.runEnd(at, CREDENTIAL_CODE);
  const credential = scan.text.slice(at, Math.min(credentialEnd, at + 64));
  const long = credentialEnd - at >= 20;
  if (credentialEnd - at < 8 || !(long || /[^A-Za-z]/.test(credential))) return undefined;
  scan.replace(at, credentialEnd, MASK);
  return credentialEnd;
}

/** Webhook URLs carry their secret in the path: `hooks.slack.com/services/…`, `…/api/webhooks/<id>/<token>`. */
export function webhookRule(scan: Scan, start: number, end: number, word: string): number | undefined {
  if (scan.code(end) !== 47) return undefined;
  let from: number;
  if (word.startsWith("hooks.")) {
    from = scan.runEnd(end + 1, (code) => code !== 47 && !isSegmentBreak(code));
    if (scan.code(from) !== 47) return undefined;
    from++;
  } else if (/^webhook[sb]?\d?$/i.test(word) && scan.code(start - 1) === 47) from = end + 1;
  else return undefined;
  const pathEnd = scan.runEnd(from, (code) => !isSegmentBreak(code) && code !== 63 && code !== 35);
  if (pathEnd === from || scan.text.startsWith(MASK, from)) return undefined;
  scan.replace(from, pathEnd, MASK);
  return pathEnd;
}

const USER_FLAGS = new Set(["-u", "--user", "--proxy-user"]);
const MYSQL_CLIENTS = new Set(["mysql", "mysqldump", "mysqladmin", "mysqlsh", "mysqlimport", "mariadb"]);
const notBreak = (code: number) => !isSegmentBreak(code);

/** `curl -u admin:VALUE`, `--user=admin:VALUE`: the part after the colon. */
export function userFlagRule(scan: Scan, end: number, word: string): number | undefined {
  if (!USER_FLAGS.has(word)) return undefined;
  let at = scan.code(end) === 61 ? end + 1 : scan.runEnd(end, isSpaceOrTab, 8);
  if (at === end) return undefined;
  if (scan.code(at) === 34 || scan.code(at) === 39) at++;
  const valueEnd = scan.runEnd(at, notBreak);
  const colon = scan.runEnd(at, (code) => code !== 58, valueEnd - at);
  if (colon >= valueEnd - 1 || scan.text.startsWith(MASK, colon + 1)) return undefined;
  scan.replace(colon + 1, valueEnd, MASK);
  return valueEnd;
}

/** `mysql -uroot -pVALUE`: on a line that runs a MySQL client, `-p` glued to a value is the password. */
export function mysqlPasswordRule(scan: Scan, start: number, end: number, word: string): number | undefined {
  if (word.length >= 5 && word.length <= 11 && MYSQL_CLIENTS.has(word.toLowerCase())) {
    scan.mysqlLine = scan.lineStart(start);
    return undefined;
  }
  if (word.length <= 2 || !word.startsWith("-p") || word[2] === "-") return undefined;
  if (scan.mysqlLine < 0 || scan.lineStart(start) !== scan.mysqlLine) return undefined;
  const valueEnd = Math.max(end, scan.runEnd(end, notBreak));
  if (scan.text.startsWith(MASK, start + 2)) return undefined;
  scan.replace(start + 2, valueEnd, MASK);
  return valueEnd;
}
