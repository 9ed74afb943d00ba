/**
 * One redactor for everything that leaves K8Helper: tool output, LLM input, replies and logs.
 * It errs on the side of hiding: a masked harmless value costs little, a leaked token costs a lot.
 * The text rules are one linear-time scan (src/core/redact/scan-text.ts); structures are masked by field.
 */
import { MASK } from "./redact/scan.js";
import { scanText } from "./redact/scan-text.js";
import { envNameSaysSecret, isSecretKey } from "./redact/secret-names.js";

export { envNameSaysSecret, isSecretKey, MASK };

/** Masks secret-looking values in free text (logs, YAML, JSON, event messages, questions). Linear in the length. */
export function redactText(text: string): string {
  return scanText(text).text;
}

/**
 * Masks secret-looking values in a structure (a manifest, call arguments): string values under secret-looking
 * keys, `{name: DB_PASSWORD, value: ...}` env pairs, and every other string through redactText.
 */
export function redactValue<T>(value: T): T {
  return maskNode(value, undefined, redactText) as T;
}

/**
 * The structural half only: secret-keyed fields and env pairs whose name says secret. For objects that are
 * rendered to text which then goes through redactText once (get_manifest, describe), so no string is scanned twice.
 */
export function maskSecretFields<T>(value: T): T {
  return maskNode(value, undefined, (text) => text) as T;
}

function maskNode(value: unknown, key: string | undefined, text: (value: string) => string): unknown {
  if (typeof value === "string")
    return key !== undefined && isSecretKey(key) && value !== "" ? MASK : text(value);
  if (Array.isArray(value)) return value.map((item) => maskNode(item, undefined, text));
  if (!value || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  const namedSecret = typeof record.name === "string" && envNameSaysSecret(record.name);
  const result: Record<string, unknown> = {};
  for (const [field, child] of Object.entries(record)) {
    result[field] =
      namedSecret && field === "value" && typeof child === "string" && child !== ""
        ? MASK
        : maskNode(child, field, text);
  }
  return result;
}
