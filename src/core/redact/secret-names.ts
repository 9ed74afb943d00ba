/**
 * Which field names say "the value is a secret". Two readings:
 * - a key in text or a map (`DB_PASSWORD=`, `apiKey:`) is secret when its last meaningful word is a secret word,
 *   so `secretName`, `token-service` and `password-policy` (names of things) stay readable;
 * - an env var's NAME (`{name, value}` pairs) is secret when any of its words says so: env names are
 *   written for machines, and a masked harmless value costs little.
 */

/** Words that, last in a key, make its value a secret. */
const SECRET_TAIL = new Set(
  "password|passwords|passwd|pass|pwd|pw|passphrase|passcode|secret|token|credential|credentials|creds|cred|apikey|dsn|cookie|cookies|session|sessionid|auth|authorization|signature|sig|privatekey|salt|otp|pat".split(
    "|",
  ),
);
/** Trailing words that qualify the secret rather than name something else: `TOKEN_VALUE`, `SECRET_KEY_BASE`, `PASSWORD_1`. */
const QUALIFIER = new Set(
  "value|val|base|b64|base64|hex|hash|enc|encoded|encrypted|plain|plaintext|raw|data|text|txt|old|new|current|next|prev|previous|primary|secondary|prod|production|staging|dev|test|live|bytes".split(
    "|",
  ),
);
/** Single-word keys written without separators: `dbpassword`, `mysqlrootpassword`, `clientsecret`. */
const LONG_SECRET_SUFFIX = ["password", "passwd", "passphrase", "secret", "token", "apikey", "credentials"];
const CJK_SECRET = ["密码", "口令", "密钥", "秘钥", "令牌", "私钥", "凭据", "凭证", "暗号"];

/** Env-name words (any position) that say secret; the short ones must be whole words, the long ones may start one. */
const ENV_EXACT = new Set("pw|pwd|key|keys|sig|dsn|cert|certs|cred|creds|otp|pin|pat|sk".split("|"));
const ENV_PREFIX = [
  "pass",
  "token",
  "secret",
  "credential",
  "cookie",
  "session",
  "private",
  "apikey",
  "signature",
  "salt",
  "auth",
  "oauth",
  "bearer",
];
/** Env names that point at a secret (a file, a path, a reference) rather than hold it. */
const ENV_REFERENCE_TAIL = new Set("ref|name|file|path|dir|mount".split("|"));
const CJK_ENV = [...CJK_SECRET, "证书"];

const MAX_KEY_LENGTH = 128;

/** `DB_PASSWORD` → db, password; `apiKey` → api, key; `数据库密码1` → 数据库密码, 1. */
export function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .replace(/([\u3400-\u9fff])([A-Za-z0-9])|([A-Za-z0-9])([\u3400-\u9fff])/g, "$1$3 $2$4")
    .toLowerCase()
    .split(/[\s_.\-:/]+/)
    .filter((word) => word !== "");
}

const isCjk = (word: string) => /[\u3400-\u9fff]/.test(word);

/** True for a key like DB_PASSWORD, apiKey, client-secret, SECRET_KEY_BASE, 数据库密码 (not secretName, secretKeyRef). */
export function isSecretKey(key: string): boolean {
  return remembered(secretKeys, key, classifyKey);
}

/** Keys repeat (every JSON object of a list has the same ones): classify each once, in a bounded memo. */
const secretKeys = new Map<string, boolean>();
const secretEnvNames = new Map<string, boolean>();
const MEMO_SIZE = 4096;
function remembered(memo: Map<string, boolean>, key: string, classify: (key: string) => boolean): boolean {
  const known = memo.get(key);
  if (known !== undefined) return known;
  const verdict = classify(key);
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(key, verdict);
  return verdict;
}

function classifyKey(key: string): boolean {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) return false;
  const words = keyWords(key);
  while (words.length > 1 && (QUALIFIER.has(words.at(-1)!) || /^\d+$/.test(words.at(-1)!))) words.pop();
  const last = words.at(-1);
  if (last === undefined) return false;
  if (isCjk(last)) return CJK_SECRET.some((word) => last.replace(/\d+$/, "").endsWith(word));
  if (SECRET_TAIL.has(last)) return true;
  if ((last === "key" || last === "keys") && words.length >= 2) return true;
  if (words.length >= 2 && `${words.at(-2)}${last}` === "connectionstring") return true;
  return words.length === 1 && LONG_SECRET_SUFFIX.some((suffix) => last.endsWith(suffix));
}

/** True when an env var's name says its value is a secret: DB_PASS, SESSION_KEY, SSH_PRIVATE, 令牌 (not KEY_FILE). */
export function envNameSaysSecret(name: string): boolean {
  return remembered(secretEnvNames, name, classifyEnvName);
}

function classifyEnvName(name: string): boolean {
  if (name.length === 0 || name.length > MAX_KEY_LENGTH) return false;
  if (CJK_ENV.some((word) => name.includes(word))) return true;
  const words = keyWords(name);
  if (words.length > 1 && ENV_REFERENCE_TAIL.has(words.at(-1)!)) return false;
  return (
    isSecretKey(name) ||
    words.some((word) => ENV_EXACT.has(word) || ENV_PREFIX.some((prefix) => word.startsWith(prefix)))
  );
}

/** Header names whose whole line is the credential (`Cookie: a=1; b=2`, `Authorization: Token abc`). */
export function isCredentialHeader(key: string): boolean {
  const lower = key.toLowerCase();
  return (
    lower === "authorization" ||
    lower === "proxy-authorization" ||
    lower === "cookie" ||
    lower === "set-cookie"
  );
}

/** The auth schemes kept readable in front of a masked credential. */
export const AUTH_SCHEMES = new Set(
  "bearer|basic|token|digest|negotiate|apikey|ntlm|sso-key|aws4-hmac-sha256".split("|"),
);
