/**
 * One redactor for everything that leaves K8Helper: tool output, LLM input, replies and logs.
 * It errs on the side of hiding: a masked harmless value costs little, a leaked token costs a lot.
 */
export const MASK = "****";

const SECRET_WORD =
  "(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|secret[_-]?key|client[_-]?secret|credentials?)";

const PATTERNS: [RegExp, string][] = [
  // PEM private keys, whole blocks.
  [
    /-----BEGIN ([A-Z ]*)PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
    `-----BEGIN $1PRIVATE KEY----- ${MASK} -----END $1PRIVATE KEY-----`,
  ],
  // URLs with credentials: keep the user, hide the password.
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@'"]*):([^\s@/'"]+)@/gi, `$1:${MASK}@`],
  // Authorization headers.
  [/\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]{8,}=*/g, `$1 ${MASK}`],
  // JWTs (service account tokens, OIDC id tokens).
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]+/g, MASK],
  // Vendor tokens: Slack, OpenAI-style, GitHub, GitLab, Google, Stripe, AWS access key ids.
  [/\bxox[abposr]-[A-Za-z0-9-]{6,}/g, `xox?-${MASK}`],
  [/\bxapp-[A-Za-z0-9-]{6,}/g, `xapp-${MASK}`],
  [/\bsk-[A-Za-z0-9_-]{12,}/g, `sk-${MASK}`],
  [/\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{16,})/g, MASK],
  [/\bAIza[0-9A-Za-z_-]{30,}/g, MASK],
  [/\b[rs]k_(?:live|test)_[A-Za-z0-9]{16,}/g, MASK],
  [/\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, `AKIA${MASK}`],
  // An env pair serialised as JSON (last-applied-configuration): {"name":"DB_PASSWORD","value":"..."}.
  [
    new RegExp(
      `("name"[ \\t]*:[ \\t]*"[^"]*${SECRET_WORD}[^"]*"[ \\t]*,[ \\t]*"value"[ \\t]*:[ \\t]*")[^"]*"`,
      "gi",
    ),
    `$1${MASK}"`,
  ],
  // key=value, key: value, "key": "value" where the key names a secret.
  [
    new RegExp(
      `(["']?)([\\w.-]*${SECRET_WORD}[\\w.-]*)\\1([ \\t]*[=:][ \\t]*)(["']?)(?!\\*\\*\\*\\*)([^\\s"',;&}]+)`,
      "gi",
    ),
    `$1$2$1$3$4${MASK}`,
  ],
];

/** Masks secret-looking values in free text (logs, YAML, JSON, event messages). */
export function redactText(text: string): string {
  let result = text;
  for (const [pattern, replacement] of PATTERNS) result = result.replace(pattern, replacement);
  return result;
}

const SECRET_KEY = new RegExp(`${SECRET_WORD}$`, "i");
/** Keys that name a reference to a secret rather than the secret itself. */
const REFERENCE_KEY = /(?:Ref|Name|Names|Path|File|Selector|Ttl|Expiration\w*|Seconds)$/;

/** True for a field name like DB_PASSWORD, apiKey, client-secret (not secretName, secretKeyRef). */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key.replace(/[-_.]/g, "")) && !REFERENCE_KEY.test(key);
}

/**
 * Masks secret-looking values in a structure (a manifest): string values under secret-looking keys,
 * `{name: DB_PASSWORD, value: ...}` env pairs, and every string through redactText. References such as
 * `valueFrom.secretKeyRef` stay as they are: they name a secret, they do not contain it.
 */
export function redactValue<T>(value: T): T {
  return redactNode(value, undefined) as T;
}

function redactNode(value: unknown, key: string | undefined): unknown {
  if (typeof value === "string")
    return key !== undefined && isSecretKey(key) && value !== "" ? MASK : redactText(value);
  if (Array.isArray(value)) return value.map((item) => redactNode(item, undefined));
  if (!value || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  const namedSecret = typeof record.name === "string" && isSecretKey(record.name);
  const result: Record<string, unknown> = {};
  for (const [field, child] of Object.entries(record)) {
    result[field] =
      namedSecret && field === "value" && typeof child === "string" ? MASK : redactNode(child, field);
  }
  return result;
}
