import { isSecretKey, MASK, redactText } from "../../core/redact.js";

/** Header-style names that carry credentials without saying "secret" or "token". */
const CREDENTIAL_HEADER = /^(?:authorization|proxy-authorization|cookie|set-cookie|x-api-key)$/i;
const MAX_DEPTH = 8;

export function isSecretField(key: string): boolean {
  return isSecretKey(key) || CREDENTIAL_HEADER.test(key);
}

/**
 * A copy of a log line's fields with secrets masked: any value under a secret-looking key, and
 * secret-looking text (tokens, bearer headers, URL passwords) inside every string, errors included.
 */
export function redactLogFields(fields: Record<string, unknown>): Record<string, unknown> {
  return redactRecord(fields, 0, new WeakSet());
}

function redactRecord(
  record: Record<string, unknown>,
  depth: number,
  seen: WeakSet<object>,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    result[key] =
      isSecretField(key) && value !== undefined && value !== null && value !== ""
        ? MASK
        : redactAny(value, depth + 1, seen);
  }
  return result;
}

function redactAny(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === "string") return redactText(value);
  if (value === null || typeof value !== "object") return value;
  if (seen.has(value)) return "[circular]";
  if (depth > MAX_DEPTH) return "[nested too deep]";
  seen.add(value);
  if (value instanceof Error) {
    // Keeps what pino's error serializer shows, with the text redacted.
    const error: Record<string, unknown> = { type: value.name, message: redactText(value.message) };
    if (value.stack) error.stack = redactText(value.stack);
    const code = (value as { code?: unknown }).code;
    if (code !== undefined) error.code = code;
    return error;
  }
  if (Array.isArray(value)) return value.map((item) => redactAny(item, depth + 1, seen));
  if (value instanceof Date) return value;
  return redactRecord(value as Record<string, unknown>, depth, seen);
}
