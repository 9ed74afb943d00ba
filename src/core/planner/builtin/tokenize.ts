import type { KindLexicon, KindMatch } from "./kind-lexicon.js";
import { kindTypo } from "./kind-typos.js";
import { protectSetSelectors } from "./set-selectors.js";
import { CHINESE_CUES, type Cue, ENGLISH_CUES, LONGEST_ENGLISH_PHRASE } from "./vocabulary.js";

export type TokenType = "word" | "number" | "flag" | "punct" | "cjk" | "kind" | "cue" | "selector";

export interface Token {
  /** As the user wrote it (names keep their spelling). */
  text: string;
  lower: string;
  type: TokenType;
  kind?: KindMatch;
  cue?: Cue;
  /** For flags: the flag's name without dashes and its value, when it takes one. */
  flag?: { name: string; value?: string };
  /** True for tokens cut from a run of Chinese characters. */
  chinese: boolean;
  /** A vocabulary word read as a name because of where it stands (slot-names.ts). */
  slot?: boolean;
}

// kubectl flags that take a value (the next word, or `--flag=value`, or `-nvalue` for short ones).
const VALUE_FLAGS = new Set([
  "n",
  "namespace",
  "l",
  "selector",
  "field-selector",
  "c",
  "container",
  "tail",
  "since",
  "o",
  "output",
  "sort-by",
  "context",
  "cluster",
  "kubeconfig",
  "since-time",
  "limit-bytes",
  "max-log-requests",
  "type",
]);
const SHORT_WITH_VALUE = new Set(["n", "l", "c", "o"]);

const FLAG_CHUNK = /^-{1,2}[A-Za-z]/;
const PIECE = /[A-Za-z0-9_][A-Za-z0-9_.\-/:=!,'@*]*|[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{2fa1f}]+|\S/gu;
const TRAILING = /[.,:;'!?=/-]+$/;
const QUOTES = /^["'`]+|["'`]+$/g;
const DURATION = /^(\d+)(s|sec|secs|m|min|mins|h|hr|hrs|d)$/;
const UNIT_SECONDS: Record<string, number> = {
  s: 1,
  sec: 1,
  secs: 1,
  m: 60,
  min: 60,
  mins: 60,
  h: 3600,
  hr: 3600,
  hrs: 3600,
  d: 86400,
};

/** Cuts a question into tokens: kubectl flags, English words and phrases, Chinese terms by longest match. */
export function tokenize(text: string, lexicon: KindLexicon, kubectlSyntax: boolean): Token[] {
  const selectors = protectSetSelectors(text, lexicon);
  const chunks = selectors.text.split(/\s+/).filter((chunk) => chunk !== "");
  const raw: Token[] = [];
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i];
    if (selectors.isSelector(chunk)) {
      const selector = selectors.restore(chunk);
      raw.push({ text: selector, lower: selector.toLowerCase(), type: "selector", chinese: false });
      continue;
    }
    if (FLAG_CHUNK.test(chunk)) {
      // A flag's value ends where Chinese starts: "-n shop看看" is the namespace shop, then 看看.
      const [flagPart, flagRest] = splitAtChinese(chunk);
      const [nextPart, nextRest] = splitAtChinese(chunks[i + 1] ?? "");
      // "-n shop, -n payments": the comma ends the flag's value and joins clauses.
      const flagComma = flagPart.endsWith(",");
      const next = flagRest || flagComma ? undefined : nextPart.replace(/,+$/, "") || undefined;
      const { token, takesNext } = flagToken(flagPart.replace(/,+$/, ""), next);
      if (token.flag?.value !== undefined) token.flag.value = selectors.restore(token.flag.value);
      raw.push(token);
      if (flagComma || (takesNext && nextPart.endsWith(","))) raw.push(comma());
      const rest = flagRest || (takesNext ? nextRest : "");
      for (const piece of rest.match(PIECE) ?? []) raw.push(...pieceTokens(piece, lexicon));
      if (takesNext) i++;
      continue;
    }
    for (const piece of chunk.match(PIECE) ?? []) raw.push(...pieceTokens(piece, lexicon));
  }
  return classifyWords(raw, lexicon, kubectlSyntax);
}

function splitAtChinese(chunk: string): [string, string] {
  const at = chunk.search(/[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f]/u);
  return at < 0 ? [chunk, ""] : [chunk.slice(0, at), chunk.slice(at)];
}

function flagToken(chunk: string, next: string | undefined): { token: Token; takesNext: boolean } {
  const long = chunk.startsWith("--");
  const body = chunk.replace(/^-+/, "");
  const equals = body.indexOf("=");
  let name = equals >= 0 ? body.slice(0, equals) : body;
  let value = equals >= 0 ? body.slice(equals + 1) : undefined;
  if (!long && value === undefined && name.length > 1 && SHORT_WITH_VALUE.has(name[0])) {
    value = name.slice(1);
    name = name[0];
  }
  const lowerName = long ? name.toLowerCase() : name;
  const takesNext =
    value === undefined && VALUE_FLAGS.has(lowerName) && next !== undefined && !FLAG_CHUNK.test(next);
  if (takesNext) value = next;
  if (value !== undefined) value = value.replace(QUOTES, "");
  return {
    token: {
      text: chunk,
      lower: chunk.toLowerCase(),
      type: "flag",
      flag: { name: lowerName, value },
      chinese: false,
    },
    takesNext,
  };
}

function pieceTokens(piece: string, lexicon: KindLexicon): Token[] {
  if (/^[\u3400-\u9fff\uf900-\ufaff]/u.test(piece) || /^[\u{20000}-\u{2fa1f}]/u.test(piece)) {
    return segmentChinese(piece, lexicon);
  }
  if (piece === ",") return [comma()];
  if (!/^[A-Za-z0-9_]/.test(piece)) {
    const cue = CHINESE_CUES.get(piece);
    return [{ text: piece, lower: piece, type: cue ? "cue" : "punct", cue, chinese: false }];
  }
  let word = piece.replace(TRAILING, "").replace(/'s$/i, "");
  if (word === "") word = piece;
  // "pods in shop, services in payments": a comma after a word joins clauses as "and" does.
  const trailing = TRAILING.exec(piece)?.[0].includes(",") ? [comma()] : [];
  return [...splitWord(word, lexicon), ...trailing];
}

function comma(): Token {
  return { text: ",", lower: ",", type: "cue", cue: { role: "conj" }, chinese: false };
}

/** `deploy,svc` lists kinds; `pod/web-1` names one; `namespace=shop` is a namespace; `app=web` a selector. */
function splitWord(word: string, lexicon: KindLexicon): Token[] {
  const lower = word.toLowerCase();
  const plain = (text: string): Token => ({ text, lower: text.toLowerCase(), type: "word", chinese: false });
  if (lower.includes(",") && !lower.includes("=")) {
    return lower
      .split(",")
      .filter((part) => part !== "")
      .flatMap((part, index) => [...(index > 0 ? [comma()] : []), ...splitWord(part, lexicon)]);
  }
  const slash = lower.indexOf("/");
  if (slash > 0 && lexicon.lookup(lower.slice(0, slash))) {
    return [plain(word.slice(0, slash)), plain(word.slice(slash + 1))];
  }
  const dot = lower.indexOf(".");
  if (
    dot > 0 &&
    !lexicon.lookup(lower) &&
    lexicon.lookup(lower.slice(0, dot)) &&
    /^[a-z.]+$/.test(lower.slice(dot + 1))
  ) {
    return [plain(word.slice(0, dot))];
  }
  const assignment = /^(namespace|ns|name)[=:](.+)$/i.exec(word);
  if (assignment) return [plain(assignment[1]), plain(assignment[2])];
  if (/^[A-Za-z0-9_./-]+(!=|==|=)[A-Za-z0-9_.,=!/-]*$/.test(word)) {
    return [{ text: word, lower, type: "selector", chinese: false }];
  }
  const duration = DURATION.exec(lower);
  if (duration) {
    return [
      { text: duration[1], lower: duration[1], type: "number", chinese: false },
      {
        text: duration[2],
        lower: duration[2],
        type: "cue",
        cue: { role: "unit", seconds: UNIT_SECONDS[duration[2]] },
        chinese: false,
      },
    ];
  }
  return [plain(word)];
}

// The Chinese terms depend on the lexicon (discovered kinds may add names), so they are built once per lexicon.
const chineseDictionaries = new WeakMap<KindLexicon, { terms: Set<string>; longest: number }>();

function chineseDictionary(lexicon: KindLexicon): { terms: Set<string>; longest: number } {
  let dictionary = chineseDictionaries.get(lexicon);
  if (!dictionary) {
    const terms = new Set([...CHINESE_CUES.keys(), ...lexicon.chineseNames, ...PLAIN_CHINESE_WORDS]);
    dictionary = { terms, longest: Math.max(...[...terms].map((term) => term.length)) };
    chineseDictionaries.set(lexicon, dictionary);
  }
  return dictionary;
}

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

// Ordinary words ICU splits, whose first character is also a cue: read whole, as words the planner does not use.
const PLAIN_CHINESE_WORDS = new Set(["后端", "前端", "后台", "部分", "分布", "分配", "分区", "上游", "下游"]);

/** Where ICU's dictionary puts word boundaries in a run of Chinese (部分 is one word, so 分 in it is no unit). */
function wordBoundaries(run: string): Set<number> {
  const boundaries = new Set<number>([run.length]);
  for (const segment of segmenter.segment(run)) boundaries.add(segment.index);
  return boundaries;
}

/**
 * Domain terms (kinds, cues) by longest match on top of Intl.Segmenter: a term of two or more characters always
 * counts (命名空间 even where ICU splits it), a one-character term not inside a word ICU found and whose start
 * was no term (部分 does not end in 分 "minutes", while 中的 is 中 + 的); common words that start with a cue character (后端 is no 后 "recent") are terms of their own.
 */
function segmentChinese(run: string, lexicon: KindLexicon): Token[] {
  const { terms, longest } = chineseDictionary(lexicon);
  const boundaries = wordBoundaries(run);
  const tokens: Token[] = [];
  let unknown = "";
  const flushUnknown = () => {
    if (unknown !== "") tokens.push({ text: unknown, lower: unknown, type: "cjk", chinese: true });
    unknown = "";
  };
  for (let i = 0; i < run.length; ) {
    let matched = "";
    for (let length = Math.min(longest, run.length - i); length > 0; length--) {
      const candidate = run.slice(i, i + length);
      // Inside an ICU word whose start was no term (部分), a lone character is part of that word.
      const whole = length > 1 || boundaries.has(i) || unknown === "";
      if (terms.has(candidate) && whole) {
        matched = candidate;
        break;
      }
    }
    if (matched === "") {
      unknown += run[i];
      i++;
      continue;
    }
    flushUnknown();
    if (PLAIN_CHINESE_WORDS.has(matched) && !CHINESE_CUES.has(matched) && !lexicon.lookup(matched)) {
      tokens.push({ text: matched, lower: matched, type: "cjk", chinese: true });
      i += matched.length;
      continue;
    }
    const kind = lexicon.lookup(matched);
    tokens.push(
      kind
        ? { text: matched, lower: matched, type: "kind", kind, chinese: true }
        : { text: matched, lower: matched, type: "cue", cue: CHINESE_CUES.get(matched), chinese: true },
    );
    i += matched.length;
  }
  flushUnknown();
  return tokens;
}

/** Joins English words into the longest known phrase (kind names first), then marks numbers. */
function classifyWords(tokens: Token[], lexicon: KindLexicon, kubectlSyntax: boolean): Token[] {
  const result: Token[] = [];
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i];
    if (token.type !== "word") {
      result.push(token);
      i++;
      continue;
    }
    const match = longestPhrase(tokens, i, lexicon, kubectlSyntax);
    if (match) {
      result.push(match.token);
      i += match.length;
      continue;
    }
    result.push(/^\d+(?:\.\d+)?$/.test(token.lower) ? { ...token, type: "number" } : token);
    i++;
  }
  return result;
}

function longestPhrase(tokens: Token[], start: number, lexicon: KindLexicon, kubectlSyntax: boolean) {
  for (let length = Math.min(LONGEST_ENGLISH_PHRASE, tokens.length - start); length > 0; length--) {
    const words = tokens.slice(start, start + length);
    if (words.some((word) => word.type !== "word")) continue;
    const phrase = words.map((word) => word.lower).join(" ");
    const text = words.map((word) => word.text).join(" ");
    const kind = lexicon.lookup(phrase);
    if (kind && (!kind.kubectlOnly || kubectlSyntax)) {
      return { length, token: { text, lower: phrase, type: "kind" as const, kind, chinese: false } };
    }
    const cue = ENGLISH_CUES.get(phrase);
    if (cue) return { length, token: { text, lower: phrase, type: "cue" as const, cue, chinese: false } };
  }
  const typo = kindTypo(tokens[start].lower, lexicon);
  if (typo && !typo.kubectlOnly) {
    const { text, lower } = tokens[start];
    return { length: 1, token: { text, lower, type: "kind" as const, kind: typo, chinese: false } };
  }
  return undefined;
}
