import { MASK, type Scan } from "./scan.js";

/**
 * Credentials in connection strings: `scheme://user:PASS@host` (the password may hold `@` and `/`: the last
 * `@` of the URL ends it), `scheme://KEY@host` (Sentry DSNs: a long key as the user), and Go's
 * `user:PASS@tcp(host)/db`.
 */
export function urlCredentialRule(scan: Scan, end: number, word: string): number | undefined {
  if (scan.code(end) !== 58 || scan.code(end + 1) !== 47 || scan.code(end + 2) !== 47) return undefined;
  if (!/^[A-Za-z][A-Za-z0-9+.-]*$/.test(word)) return undefined;
  const authority = end + 3;
  const { lastAt } = scan.segmentFrom(authority);
  if (lastAt < authority) return undefined;
  const colon = scan.runEnd(authority, (code) => code !== 58, lastAt - authority);
  if (colon < lastAt) {
    if (colon + 1 < lastAt && !scan.text.startsWith(MASK, colon + 1)) scan.replace(colon + 1, lastAt, MASK);
    return lastAt;
  }
  const user = scan.text.slice(authority, Math.min(lastAt, authority + 200));
  if (lastAt - authority < 16 || !/^[A-Za-z0-9]+$/.test(user)) return undefined;
  scan.replace(authority, lastAt, MASK);
  return lastAt;
}

const GO_DSN_PROTOCOLS = ["tcp(", "tcp6(", "unix(", "udp("];

export function goDsnRule(scan: Scan, end: number): number | undefined {
  if (scan.code(end) !== 58) return undefined;
  const at = scan.nextAtOrBreak(end + 1);
  if (at <= end + 1 || scan.code(at) !== 64) return undefined;
  if (!GO_DSN_PROTOCOLS.some((protocol) => scan.text.startsWith(protocol, at + 1))) return undefined;
  if (scan.text.startsWith(MASK, end + 1)) return undefined;
  scan.replace(end + 1, at, MASK);
  return at;
}
