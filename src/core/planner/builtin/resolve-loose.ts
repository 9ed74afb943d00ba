import { shortenedNode } from "../../names/names-in-text.js";
import type { ClusterNames } from "../../ports.js";
import { clauseOf } from "./bind-clauses.js";
import { correctedName, GUESSED_NAME, roleOf } from "./known-names.js";
import type { ParsedQuestion } from "./reading.js";
import type { Intent } from "./vocabulary.js";

const NAMED_INTENTS = new Set<Intent>(["describe", "manifest", "logs"]);
// "deploy list for shop", "top pods for shop": intents whose kinds, said before "for X", are looked for in X.
const PLACE_AFTER_FOR_INTENTS = new Set<Intent>(["list", "top", "events", "diagnose"]);
// Intents that can use a name without a kind (a list guesses pods for it).
const NAME_ALONE_INTENTS = new Set<Intent>(["diagnose", "events", "list"]);
// "why is web-1 crashing", "what's wrong with web-1": the word after these is the subject, an object's name.
const SUBJECT_BEFORE = new Set(["is", "are", "does", "did", "with", "of", "for", "about", "has", "was"]);
// "which pods reference postgres-credentials", "deployments that mount app-config": what the kind listed refers to.
const REFERENCED_AFTER = new Set(
  "reference|references|referencing|mount|mounts|mounting|consume|consumes".split("|"),
);
// kube-system的事件, kube-system下: a word before these is where to look, a namespace.
const TIME_OF_DAY = /^\d{1,2}(?:[:.]\d{2})?(?:am|pm|h)$|^\d{1,2}点(?:半|\d{1,2}分?)?$/;
const SCOPE_AFTER = new Set(["的", "下", "中", "里", "内"]);

/**
 * Unknown words the grammar could not place: a name when the tool needs one (查看web-1的日志), otherwise a
 * namespace (kube-system的警告事件, "list kube-system pods"). Returns how much was guessed.
 */
export function resolveLooseWords(parsed: ParsedQuestion, intent: Intent): number {
  let guesses = 0;
  const joined = new Set<LooseWord>();
  const byPosition = new Map(parsed.loose.map((word) => [word.at, word]));
  for (const word of containersLast(nameShapedFirst(parsed.loose, intent), parsed.known)) {
    if (joined.has(word) || isSidecarOfKnownContainer(parsed, word)) continue;
    const known = parsed.known && placeKnownWord(parsed, word, intent, parsed.known);
    if (known !== undefined) {
      guesses += known;
      continue;
    }
    if (TIME_OF_DAY.test(word.text)) {
      // "3am page says shop degraded": a time of day is when, never a name or a place.
      parsed.unexplained.push(word.text);
      continue;
    }
    if (isUnknownToCluster(parsed, word, intent)) {
      // "is DNS working?", "services have no endpoints": a plain word no namespace or object of the cluster bears.
      parsed.unexplained.push(word.text);
      continue;
    }
    const unnamed = parsed.targets.filter((target) => !target.name);
    const hasName = parsed.targets.some((target) => target.name) || parsed.names.length > 0;
    const wantsName = NAMED_INTENTS.has(intent)
      ? !hasName
      : REFERENCED_AFTER.has(word.before ?? "") ||
        (SUBJECT_BEFORE.has(word.before ?? "") &&
          !isPlaceAfterFor(parsed, word, intent) &&
          !isAfterListedKind(parsed, word) &&
          !isOwnerOfListedKind(parsed, word)) ||
        isChineseSubject(parsed, word, intent);
    if (wantsName && unnamed.length > 0) {
      const pods = intent === "logs" ? unnamed.find((target) => target.kind === "pods") : undefined;
      (pods ?? unnamed[0]).name = word.text;
      guesses += 0.25;
    } else if (wantsName && !hasName) {
      parsed.names.push({ name: word.text, at: word.at });
      guesses += SCOPE_AFTER.has(word.after ?? "") || NAMED_INTENTS.has(intent) ? 0.25 : 0.5;
    } else if (parsed.namespace !== undefined && isScopeOfOwnClause(parsed, word)) {
      // 查看shop的pod和payments的服务: a later clause says where its own kinds are.
      parsed.namespaceMentions.push({ at: word.at, values: [word.text] });
      guesses += 0.25;
    } else if (
      parsed.namespace !== undefined &&
      !hasName &&
      NAME_ALONE_INTENTS.has(intent) &&
      looksLikeName(word)
    ) {
      // kube-system里的coredns为什么崩溃: with the namespace known, the other word is what to look at.
      parsed.names.push({ name: word.text, at: word.at });
      guesses += 0.25;
    } else if (
      parsed.namespace === undefined &&
      !isUnknownPlace(parsed, word) &&
      (looksLikeScope(parsed, word) ||
        isPlaceAfterFor(parsed, word, intent) ||
        joinedScope(parsed, word, byPosition))
    ) {
      const next = joinedScope(parsed, word, byPosition);
      if (next) joined.add(next);
      parsed.namespace = word.text;
      parsed.moreNamespaces.push(...(next ? [next.text] : []));
      parsed.namespaceMentions.push({ at: word.at, values: next ? [word.text, next.text] : [word.text] });
      const placed =
        SCOPE_AFTER.has(word.after ?? "") ||
        isBeforeKind(parsed, word.at) ||
        next ||
        isTopic(word) ||
        isPlaceAfterFor(parsed, word, intent);
      guesses += placed ? 0.25 : 0.75;
    } else {
      parsed.unexplained.push(word.text);
    }
  }
  return guesses;
}

type LooseWord = ParsedQuestion["loose"][number];

/**
 * "is that the kubelet back-off?": with a complete index, a word no namespace bears is a place only where the
 * question puts one ("in paymnts-prod", "namespace foo"), so the answer can name the close namespaces.
 */
function isUnknownPlace(parsed: ParsedQuestion, word: LooseWord): boolean {
  const names = parsed.known;
  if (!names?.complete || names.namespaces.has(word.text) || shortenedNode(names, word.text)) return false;
  return !PLACE_BEFORE.has(word.before ?? "") && !SCOPE_AFTER.has(word.after ?? "");
}
const PLACE_BEFORE = new Set(["in", "namespace", "ns", "-n", "--namespace", "from", "within", "inside"]);

/** With a complete index, a plain word (no digits, no dashes) that names nothing is not a guessed name or place. */
function isUnknownToCluster(parsed: ParsedQuestion, word: LooseWord, intent: Intent): boolean {
  const names = parsed.known;
  if (!names?.complete || NAMED_INTENTS.has(intent) || /[0-9-]/.test(word.text)) return false;
  return roleOf(names, word.text) === undefined;
}

/**
 * A word the cluster knows is that name: a namespace where none was said, else the object asked about (为什么
 * checkout 一直崩溃, "ledger 为什么被 OOMKilled"); one typo away from a single known name, that name, as a guess.
 * Undefined when the cluster cannot tell (the word is both, or nothing it knows): the heuristics below decide.
 */
function placeKnownWord(
  parsed: ParsedQuestion,
  word: LooseWord,
  intent: Intent,
  names: ClusterNames,
): number | undefined {
  let text = word.text;
  let role = roleOf(names, text);
  let cost = 0;
  const owners = role ? undefined : names.containers?.get(text);
  if (owners && CONTAINER_INTENTS.has(intent)) return placeContainer(parsed, text, owners, intent);
  if (!role) {
    const corrected = correctedName(names, text);
    if (!corrected) return undefined;
    text = corrected;
    role = roleOf(names, corrected);
    cost = GUESSED_NAME;
  }
  if (role === "namespace") {
    if (parsed.namespace !== undefined) return undefined;
    parsed.namespace = text;
    parsed.namespaceMentions.push({ at: word.at, values: [text] });
    return cost;
  }
  if (role !== "object" && role !== "node") return undefined;
  const unnamed = parsed.targets.filter((target) => !target.name);
  if (role === "node" && !unnamed.some((target) => target.kind === "nodes")) {
    // demo-worker-2 的内存使用情况: a node's name makes the node what the question is about.
    parsed.targets.push({ kind: "nodes", namespaced: false, name: text, at: word.at });
    return cost;
  }
  const hasName = parsed.targets.some((target) => target.name) || parsed.names.length > 0;
  // "why does payments-api say ledger ECONNREFUSED": each object the cluster knows by that very name is diagnosed.
  if (hasName && intent === "diagnose" && role === "object" && cost === 0 && parsed.targets.length === 0) {
    if (!parsed.names.some((entry) => entry.name === text)) parsed.names.push({ name: text, at: word.at });
    return cost;
  }
  if (hasName) return undefined;
  const pods = intent === "logs" ? unnamed.find((target) => target.kind === "pods") : undefined;
  const target = pods ?? unnamed[0];
  if (target) target.name = text;
  else parsed.names.push({ name: text, at: word.at });
  return cost;
}

const CONTAINER_INTENTS = new Set<Intent>(["logs", "diagnose", "describe", "events"]);

/**
 * "frontend envoy logs", "logs of the envoy sidecar": a word the cluster knows as a container of a workload is that
 * container; with no object named, the one workload running it is the object ("why is envoy crashing").
 */
function placeContainer(
  parsed: ParsedQuestion,
  container: string,
  owners: readonly string[],
  intent: Intent,
): number {
  if (intent === "logs" && parsed.container === undefined) parsed.container = container;
  const hasName = parsed.targets.some((target) => target.name) || parsed.names.length > 0;
  if (hasName) return 0;
  if (owners.length !== 1) return 0.5;
  const pods =
    intent === "logs" ? parsed.targets.find((target) => target.kind === "pods" && !target.name) : undefined;
  if (pods) pods.name = owners[0];
  else parsed.names.push({ name: owners[0], at: -1 });
  return 0.25;
}

/** "the envoy sidecar": beside a container the cluster knows, "sidecar" only says what that container is. */
function isSidecarOfKnownContainer(parsed: ParsedQuestion, word: LooseWord): boolean {
  return (
    /^sidecars?$/.test(word.text) && parsed.loose.some((other) => parsed.known?.containers?.has(other.text))
  );
}

/** Container words are placed after the others, so a workload said beside its container stays the object. */
function containersLast(words: readonly LooseWord[], names: ClusterNames | undefined): readonly LooseWord[] {
  const isContainer = (word: LooseWord) => names?.containers?.has(word.text) === true;
  return [...words.filter((word) => !isContainer(word)), ...words.filter(isContainer)];
}

/** "first I need the last 30 lines of api-0 logs": a tool that needs a name takes the word shaped like one first. */
function nameShapedFirst(words: readonly LooseWord[], intent: Intent): readonly LooseWord[] {
  if (!NAMED_INTENTS.has(intent)) return words;
  const shaped = words.filter((word) => /[0-9]/.test(word.text) && /-/.test(word.text));
  return shaped.length === 0 ? words : [...shaped, ...words.filter((word) => !shaped.includes(word))];
}

/**
 * kube-system的, "kube-system pods", "deployment checkout from shop", or an identifier-shaped word; a plain English
 * word is not a namespace.
 */
function looksLikeScope(parsed: ParsedQuestion, word: LooseWord): boolean {
  return (
    looksLikeName(word) ||
    isTrailingAddOn(word) ||
    SCOPE_AFTER.has(word.after ?? "") ||
    isBeforeKind(parsed, word.at) ||
    isOwnerOfListedKind(parsed, word) ||
    (word.before === "from" &&
      parsed.targets.some((target) => target.name !== undefined && target.namespaced))
  );
}

/** "api-0 logs past 2 hours, payments", "…的日志，payments": a last word set off by a comma says where. */
function isTrailingAddOn(word: LooseWord): boolean {
  return (word.before === "," || word.before === "，") && word.after === undefined;
}

/** shop咋回事, payments啥情况: a word opening a Chinese question is its topic, the place asked about. */
function isTopic(word: LooseWord): boolean {
  return word.at === 0 && /^[\u3400-\u9fff]/u.test(word.after ?? "");
}

/**
 * "deploy list for shop", "paged for payments: what's failing": after "for", a plain word (no digits, unlike a
 * generated pod name) is where to look when no kind wants a name.
 */
function isPlaceAfterFor(parsed: ParsedQuestion, word: LooseWord, intent: Intent): boolean {
  if (word.before !== "for" || /[0-9]/.test(word.text)) return false;
  return (
    parsed.targets.length === 0 ||
    (PLACE_AFTER_FOR_INTENTS.has(intent) && parsed.targets.every((target) => target.at < word.at))
  );
}

/** In Chinese any ASCII word is an identifier (shop有什么问题); in English only one shaped like a generated name. */
function looksLikeName(word: LooseWord): boolean {
  return /[\u3400-\u9fff]/u.test(`${word.before ?? ""}${word.after ?? ""}`) || /[0-9-]/.test(word.text);
}

/** 查看shop和payments的pod, "list shop and payments pods": a place word joined to this one names a namespace too. */
function joinedScope(
  parsed: ParsedQuestion,
  word: LooseWord,
  byPosition: ReadonlyMap<number, LooseWord>,
): LooseWord | undefined {
  const next = byPosition.get(word.at + 2);
  if (!next || !parsed.conjunctions.includes(word.at + 1)) return undefined;
  return SCOPE_AFTER.has(next.after ?? "") || isBeforeKind(parsed, next.at) ? next : undefined;
}

/** payments的服务 after "和": a place word in a clause whose kinds no namespace has scoped yet. */
function isScopeOfOwnClause(parsed: ParsedQuestion, word: LooseWord): boolean {
  if (!SCOPE_AFTER.has(word.after ?? "") && !isBeforeKind(parsed, word.at)) return false;
  const clause = clauseOf(parsed, word.at);
  return (
    parsed.targets.some((target) => target.namespaced && clauseOf(parsed, target.at) === clause) &&
    !parsed.namespaceMentions.some((mention) => clauseOf(parsed, mention.at) === clause)
  );
}

function isBeforeKind(parsed: ParsedQuestion, at: number): boolean {
  return parsed.targets.some((target) => target.at === at + 1);
}

/** "pods of kube-system": after a plural kind and "of", the word says where, not which. */
function isAfterListedKind(parsed: ParsedQuestion, word: LooseWord): boolean {
  return word.before === "of" && parsed.targets.some((target) => target.listed && target.at === word.at - 2);
}

// "how many deployments does argocd have": the word before these owns the listed kind, so it is a place.
const OWNS_AFTER = new Set(["have", "has", "contain", "contains", "hold", "holds", "run", "runs"]);

function isOwnerOfListedKind(parsed: ParsedQuestion, word: LooseWord): boolean {
  return (
    (word.before === "does" || word.before === "do") &&
    OWNS_AFTER.has(word.after ?? "") &&
    parsed.targets.some((target) => target.listed && target.namespaced && target.at < word.at)
  );
}

/** 为什么web-1一直重启: a generated-looking word that no 的/下/中 marks as a place is what the question is about. */
function isChineseSubject(parsed: ParsedQuestion, word: LooseWord, intent: Intent): boolean {
  return (
    intent === "diagnose" &&
    /\d/.test(word.text) &&
    /[\u3400-\u9fff]/u.test(`${word.before ?? ""}${word.after ?? ""}`) &&
    !SCOPE_AFTER.has(word.after ?? "") &&
    !isBeforeKind(parsed, word.at)
  );
}
