import { isBase64Code, MASK, type Scan } from "./scan.js";

const MIN_LENGTH = 16;
const MAX_DECODED = 1 << 20;

/**
 * A base64 value that decodes to text holding a secret (`cGFzc3dvcmQ9…`, a docker config's `auth`): masked
 * whole. The decoded text goes through the same rules once (no deeper), so the cost stays linear.
 */
export function base64Rule(
  scan: Scan,
  start: number,
  redactDecoded: (text: string) => { changed: boolean; steps: number },
): number | undefined {
  if (scan.depth > 0) return undefined;
  // Base64 of text mixes upper and lower case; names, paths and timestamps rarely do, and are not decoded.
  let end = start;
  let upper = false;
  let lower = false;
  while (end < scan.length) {
    const code = scan.code(end);
    if (!isBase64Code(code)) break;
    if (code >= 65 && code <= 90) upper = true;
    else if (code >= 97 && code <= 122) lower = true;
    end++;
  }
  scan.steps += end - start + 1;
  if (end - start < MIN_LENGTH || !upper || !lower) return undefined;
  end = scan.runEnd(end, (code) => code === 61, 2);
  if ((end - start) * 0.75 > MAX_DECODED) return undefined;
  const decoded = Buffer.from(scan.text.slice(start, end), "base64").toString("utf8");
  if (!isPrintable(scan, decoded)) return undefined;
  const inner = redactDecoded(decoded);
  scan.steps += inner.steps;
  if (!inner.changed) return undefined;
  scan.replace(start, end, MASK);
  return end;
}

function isPrintable(scan: Scan, text: string): boolean {
  if (text.length < 6) return false;
  for (let index = 0; index < text.length; index++) {
    scan.steps++;
    const code = text.charCodeAt(index);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 0xfffd || code === 127)
      return false;
  }
  return true;
}
