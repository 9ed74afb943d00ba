/**
 * Does a question ask K8Helper to reveal a secret value? Decided from what the words do in the question, not
 * from a word inside a name: `sealed-secrets`, `token-service`, `api-keys`, `password-policy` are names (a
 * secret word glued to others with `-`, `.`, `_`), and so is a word in a name slot (`namespace secrets`).
 * A question about which Secrets a workload uses is a read of the workload, answered without reading a Secret.
 */

const SECRET_NOUN =
  /^(secrets?|credentials?|creds|passwords?|passwd|passphrases?|tokens?|apikeys?|kubeconfigs?|privatekeys?)$/;
/** Two-word secrets: "api key", "private key", "tls key", "ssh key", "signing key", "access key". */
const KEY_QUALIFIER =
  /^(api|private|tls|ssl|ssh|signing|encryption|access|secret|aws|gcp|azure|s3|stripe|gpg|pgp|license)$/;
const CHINESE_SECRET = /密钥|秘钥|凭据|凭证|密码|口令|令牌|私钥|机密/g;

/** Words before or after a name in a name slot: `namespace X`, `X namespace`, `configmap X`, `named X`. */
const SLOT_BEFORE = new Set(
  "namespace|namespaces|ns|-n|--namespace|named|called|configmap|configmaps|cm|deployment|deploy|deployments|pod|pods|service|svc|job|cronjob|statefulset|sts|daemonset|ds|ingress|serviceaccount|sa|app|release|chart|crd|operator|controller".split(
    "|",
  ),
);
const SLOT_AFTER = new Set(
  "namespace|ns|configmap|cm|deployment|pod|pods|service|operator|controller|chart|crd".split("|"),
);

/** The question asks what a secret holds. */
const VALUE_ASK =
  /\b(?:give|show|send|paste|tell|grab|fetch|copy|get me|get us)\s+(?:me\s+|us\s+)?(?:the\s+|its\s+|their\s+|that\s+|a\s+)?(?:[\w-]+\s+)?(?:secrets?|passwords?|tokens?|credentials?|keys?|passwd|passphrases?)\b(?!\s*(?:names?|expir\w*)\b)|\b(?:show|give|tell|send|paste|post|read)\s+(?:me\s+|us\s+)?(?:it|them|that|those)\b|\b(values?|contents?|decode[ds]?|decoding|base64|plain ?text|clear ?text|reveal|print|dump|cat|leak|exfiltrate|data of|-o (yaml|json))\b|what(?:'s| is| are) (?:the |my |our )?(?:\S+ ){0,2}\S*(?:secret|password|token|credential|key|passwd|passphrase)(?!s?\s+(?:names?|expir\w*|ttl|lifetimes?|rotation|age|paths?|audiences?|mount\w*)\b)|值|内容|明文|解码|是什么(?!时候|时间)|是多少|打印|打出来|导出|输出/;
/**
 * The question asks about Secrets without asking what they hold: which ones a workload uses or where its
 * password comes from (answered from the workload), whether one is configured or present, the state of
 * something a secret word qualifies ("is the token refresh ok?", "is the token config the reason it
 * crashes?"), or LLM token usage. A question ("does X get it from", "where ... from"), never an imperative
 * ("get the password from x").
 */
const REFERENCE_ASK =
  /\b(uses?|used|using|mounts?|mounted|mounting|references?|referenced|referencing|refers? to|needs?|needed|depends? on|consumes?|consumed|attached|bound|missing|exists?|present|expire[ds]?|expiry|expiration|budget|usage|quota|spent|left|remaining|which|configured|defined|(?:var|variable|env|key|secret) names?|names? only|keys? only|only (?:the )?(?:names?|keys?)|just (?:the )?(?:names?|keys?)|why|crash\w*|when|how long ago|last (?:updated|changed|modified|rotated))\b|(?<![\w-])(?:rotated|rotation|rotate[ds]?)(?![\w-])|\b(?:where|what|does|do|is|are)\b.*\bfrom\b|\b(?:is|are|was|were|does|do|did)\b.*\b(?:ok|okay|healthy|working|broken|failing|valid|reason|cause[ds]?|causing|set(?!\s+to\b)|have|has)\b|使用|用了|用到|用哪|引用|是从|从[^，。？?]{0,12}?(?:读|来|取|拿|加载|注入)|写死|硬编码|挂载|依赖|缺少|存在|过期|用量|消耗|哪个|哪些|来自|从哪|来源|配置了|有没有|是否|相关|有关|名字|名称|叫啥|叫什么|叫甚么|为什么|什么时候|何时|多久|轮换/;
/** Undoes the letter-for-digit spelling used to slip past filters: s3cret, p4ssw0rd, t0ken, $ecret. */
export function unLeet(word: string): string {
  return word.replace(
    /[013457$@]/g,
    (digit) => ({ 0: "o", 1: "i", 3: "e", 4: "a", 5: "s", 7: "t", $: "s", "@": "a" })[digit] ?? digit,
  );
}

/** Words as the question writes them: names keep their `-`, `.`, `_` and digits. */
function wordsOf(text: string): string[] {
  return text.match(/[a-z0-9$@./][a-z0-9$@./_-]*|-{1,2}[a-z]+/g) ?? [];
}

/** `secrets/db-creds`, `../../secrets`, `payments/secrets/x`: a path whose segment is a secret noun addresses Secrets. */
const addressesSecrets = (word: string) =>
  word.includes("/") && word.split("/").some((segment) => SECRET_NOUN.test(unLeet(segment)));

/**
 * `DB_PASSWORD`, `stripe_secret_key`: Kubernetes object names never hold `_`, so an underscore-joined word with a
 * secret part names an env variable or a data key, which holds a secret value.
 */
function namesSecretValue(word: string): boolean {
  return word.includes("_") && (hasSecretPart(word) || CONNECTION_STRING.test(word));
}

// DATABASE_URL, REDIS_DSN, JDBC_URL: a connection string carries its password in it.
const CONNECTION_STRING =
  /^(?:[a-z0-9]+_)*(?:database|db|jdbc|postgres|pg|mysql|mongo(?:db)?)_(?:url|uri|dsn)$|(?:^|_)(?:dsn|connection_string|conn_str)$/i;

/** `db_password`, `webhook-token`, `datasource.password`: one of the parts a key is spelled with says secret. */
function hasSecretPart(word: string): boolean {
  const parts = word.split(/[-_./]/).map(unLeet);
  return parts.some(
    (part, index) =>
      SECRET_NOUN.test(part) ||
      /^(pass|pwd|pw)$/.test(part) ||
      (/^keys?$/.test(part) && KEY_QUALIFIER.test(parts[index - 1] ?? "")),
  );
}

/** `secret-looking`, `password-like`, `token-based`: a compound adjective describes keys, it names none. */
const DESCRIBING = /-(?:looking|like|ish|style|related|based|free|less|shaped|bearing)$/;

/** Words that say the word beside them is a key holding a value: `the X annotation`, `env var X`, `X key`. */
const KEY_SLOT_AFTER = new Set(
  "annotation|annotations|env|envvar|variable|var|key|field|setting|property|header|param|parameter|entry".split(
    "|",
  ),
);
const KEY_SLOT_BEFORE = new Set(
  "env|envvar|variable|var|annotation|key|field|setting|property|header".split("|"),
);

/**
 * A word that names a key rather than an object, with a secret part: an annotation key (`example.com/x-token`,
 * a domain before `/`), a dotted config key ending in a secret part (`spring.datasource.password`; object names
 * end in a plain word), or a word in a key slot (`the x-token annotation`, `env var db-pass`).
 */
function namesSecretKey(word: string, before: string | undefined, after: string | undefined): boolean {
  if (!hasSecretPart(word) || DESCRIBING.test(word)) return false;
  if (/^[a-z0-9-]+(?:\.[a-z0-9-]+)+\/[a-z0-9._-]+$/.test(word)) return true;
  if (word.includes(".") && hasSecretPart(word.split(".").at(-1) ?? "")) return true;
  return KEY_SLOT_AFTER.has(after ?? "") || KEY_SLOT_BEFORE.has(before ?? "");
}

/** The secret nouns that stand as words of the question (not inside a name, not in a name slot). */
function standingSecretWords(text: string): string[] {
  const words = wordsOf(text);
  const found: string[] = [];
  words.forEach((word, index) => {
    if (addressesSecrets(word)) {
      found.push(word);
      return;
    }
    if (namesSecretValue(word) || namesSecretKey(word, words[index - 1], words[index + 1])) {
      found.push(word);
      return;
    }
    const plain = unLeet(word.replace(/[.]+$/, ""));
    const twoWord = (plain === "key" || plain === "keys") && KEY_QUALIFIER.test(words[index - 1] ?? "");
    if (!SECRET_NOUN.test(plain) && !twoWord) return;
    if (SLOT_BEFORE.has(words[index - 1] ?? "") && !twoWord) return;
    if (SLOT_AFTER.has(words[index + 1] ?? "")) return;
    found.push(plain);
  });
  return found;
}

/** Asking to decode or reveal: about a secret even when the secret word is part of a name (`argocd-secret`). */
const DECODE_ASK = /\b(decode[ds]?|decoding|decrypt\w*|reveal\w*|unmask\w*|base64 -d)\b|解码|解密|明文|破解/;
const ANY_SECRET_WORD =
  /s[e3]cr[e3]t|passw|passwd|p[a4]ssw[o0]rd|token|credential|kubeconfig|api-?key|密钥|秘钥|密码|凭据|令牌|私钥/;

/** `kind=secrets`, `kind: secret`, `"resource": "secrets"`: a tool call written out that addresses Secret objects. */
const SECRET_KIND_SLOT = /\b(?:kind|resource|type)["']?\s*[=:]\s*["']?(?:v1\/)?secrets?\b/;

/** "names only, no values", "without the values", 不要值: the values are what the question excludes. */
const VALUES_EXCLUDED =
  /\b(?:no|without|not|never|excluding|minus)\s+(?:the\s+|their\s+|its\s+|any\s+|secret\s+|actual\s+)*(?:[\w-]+\s+)?(?:values?|contents?)\b|\b(?:don'?t|do not|dont|never|without|can'?t|cannot|can not|won'?t|wont|shouldn'?t|not allowed to|not supposed to)\s+(?:print|show|reveal|dump|output|display|decode|echo)(?:ing)?(?:\s+(?:it|them|the values?|its values?|their values?))?\b|\b(?:or|vs|versus)\s+(?:an?\s+)?(?:plain|literal|hard-?coded|inline|raw|direct)?\s*(?:env(?:ironment)?\s+)?(?:var(?:iable)?\s+)?value\b|(?:不要|别|不用|无需)(?:打印|显示|输出|解码|给我看)(?:出来)?(?:它的|它们的|其|的)?(?:值|内容|明文)?|(?:不要|不看|不显示|不用|不需要|别给|不含|不包括|不带)[^，。,.]{0,4}?值|(?:不要|不看|不显示|不用|不需要|别给)\s*(?:the\s+)?values?\b/g;
/**
 * "does the X log leak any tokens?", "do any configmaps contain passwords?": whether the subject holds one, asked
 * of a subject that is not itself a secret; the answer is the subject, redacted.
 */
const WHETHER_HOLDS =
  /\b(?:does|do|did|is|are|was|were|will|could|can)\s+((?:\S+\s+){0,6}?)(?:leak|expose|print|dump|contain|include|write)(?:s|ed|ing)?\b/g;

export function asksForSecret(normalised: string): boolean {
  if (SECRET_KIND_SLOT.test(normalised)) return true;
  if (asksContentsOfSecretName(normalised)) return true;
  if (DECODE_ASK.test(normalised) && ANY_SECRET_WORD.test(normalised)) return true;
  const asked = normalised
    .replace(VALUES_EXCLUDED, " ")
    .replace(WHETHER_HOLDS, (whole, subject: string) =>
      standingSecretWords(subject).length === 0 ? `${subject} exists` : whole,
    );
  const english = standingSecretWords(asked);
  const chinese = asked.match(CHINESE_SECRET) ?? [];
  if (english.length === 0 && chinese.length === 0) return false;
  const leetless = asked.replace(/[a-z0-9$@./][a-z0-9$@./_-]*/g, unLeet);
  if (VALUE_ASK.test(leetless)) return true;
  return !REFERENCE_ASK.test(asked);
}

// "给我看一下 payments-api-secrets 里面的内容": the contents of an object whose name says it is a Secret.
const CONTENTS_ASK =
  /\b(?:contents?|data|values?|what(?:'s| is) in(?:side)?)\b|里面的内容|的内容|里面有什么|里有什么|内容|值/;
const NOT_A_SECRET_KIND = /\b(?:configmaps?|cm|config maps?|pods?|deployments?|logs?)\b|配置映射|日志/;

function asksContentsOfSecretName(normalised: string): boolean {
  if (!CONTENTS_ASK.test(normalised) || NOT_A_SECRET_KIND.test(normalised)) return false;
  const asked = normalised.replace(VALUES_EXCLUDED, " ");
  if (!CONTENTS_ASK.test(asked)) return false;
  return wordsOf(asked).some(
    (word) =>
      /[-_.]/.test(word) && /(?:^|[-_.])(?:secrets?|creds|credentials?|tokens?|passwords?)$/.test(word),
  );
}

const SECRET_MENTION =
  /(?:\bthe\s+)?(?:\bk8s\s+|\bkubernetes\s+)?(?<![a-z0-9._-])(?:secrets?|credentials?)(?![a-z0-9._-])|密钥|秘钥|凭据/g;

/**
 * "Which Secrets does checkout mount?", "is the secret referenced by checkout present?": a read of the
 * workload that references them. Returns the question without the Secret words (for the planner to find the
 * workload), or undefined when the question is not about Secrets it uses.
 */
export function workloadQuestionForSecrets(text: string): string | undefined {
  const normalised = text.toLowerCase();
  if (!normalised.match(SECRET_MENTION)) return undefined;
  if (!REFERENCE_ASK.test(normalised) || asksForSecret(normalised)) return undefined;
  return normalised
    .replace(/\(?\b(?:names? only|only (?:the )?names?|just (?:the )?names?)\b\)?/g, " ")
    .replace(SECRET_MENTION, " ")
    .replace(
      /\b(?:referenced|used|mounted|needed) by\b|\b(?:mounts?|uses?|references?|present|exists?)\b/g,
      " ",
    )
    .replace(/\s+/g, " ")
    .trim();
}
