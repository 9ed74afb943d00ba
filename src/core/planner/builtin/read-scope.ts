import {
  EVERY_NAMESPACE,
  hasRole,
  isKindAt,
  isNameAt,
  nameIndexBefore,
  nextIndex,
  previousIndex,
  type Reading,
  startsNewClause,
  use,
} from "./reading.js";

/**
 * "in namespace shop", "the shop namespace", "-n shop" (flags), shop命名空间, 命名空间shop, "all namespaces", 所有命名空间.
 * A namespace word that names none of these stays a kind ("list namespaces").
 */
export function readNamespacePhrases(reading: Reading): void {
  const { tokens, parsed } = reading;
  tokens.forEach((token, index) => {
    if (!isKindAt(reading, index, "namespaces")) return;
    const before = previousIndex(reading, index);
    const per = PER_NAMESPACE.has(tokens[before]?.lower ?? "") && !tokens[before]?.slot;
    if (hasRole(reading, before, "all") || per) {
      use(reading, index, before);
      parsed.allNamespaces = true;
      parsed.namespaceMentions.push({ at: index, values: [EVERY_NAMESPACE] });
      parsed.namespaceWord ??= { at: index, form: "all" };
      return;
    }
    const after = nextIndex(reading, index, [...FILLER_AFTER_NAMESPACE]);
    const plural = token.lower === "namespaces";
    if (!plural && isNameAt(reading, after) && !knownBeforeNotAfter(reading, index, after)) {
      use(reading, index, after);
      parsed.namespace ??= tokens[after].text;
      parsed.namespaceMentions.push({ at: index, values: [tokens[after].text] });
      parsed.namespaceWord ??= { at: index, form: "named", nameFollows: true };
      return;
    }
    const named = nameIndexBefore(reading, index);
    if (isNameAt(reading, named) && !hasRole(reading, named - 1, "nameMarker")) {
      use(reading, index, named, index - 1);
      if (parsed.namespace === undefined) readFirstNamespace(reading, named, joinEarlierNamespace);
      else parsed.namespaceMentions.push({ at: named, values: [tokens[named].text] });
      parsed.namespaceWord ??= { at: named, form: "named" };
    }
  });
}

/** 看看 shop 命名空间 catalog 的事件: the cluster has a namespace shop and none called catalog, so shop is meant. */
function knownBeforeNotAfter(reading: Reading, index: number, after: number): boolean {
  const names = reading.parsed.known;
  const before = nameIndexBefore(reading, index);
  if (!names || !isNameAt(reading, before)) return false;
  return (
    names.namespaces.has(reading.tokens[before].text) && !names.namespaces.has(reading.tokens[after].text)
  );
}

// "which namespace has the most pods", "pods per namespace": every namespace, compared.
const PER_NAMESPACE = new Set(["which", "per", "by", "哪个", "哪些", "每"]);

const PER_NODE = new Set(["per", "by", "each", "every"]);

const FILLER_AFTER_NAMESPACE = ["the", ":", "：", "为", "是", "named", "called", "=", "叫", "名为"];

/** "pods on node worker-1", 节点worker-1上, worker-1节点上: pods anywhere, filtered by node. */
export function readNodePhrases(reading: Reading): void {
  const { tokens, parsed } = reading;
  tokens.forEach((_token, index) => {
    if (!isKindAt(reading, index, "nodes")) return;
    const before = previousIndex(reading, index);
    const after = nextIndex(reading, index);
    // "pods per node": a grouping (count-question.ts), the node kind still read as what is grouped by.
    if (PER_NODE.has(tokens[before]?.lower ?? "") && !tokens[before]?.slot) use(reading, before);
    if (hasRole(reading, before, "onPrep") && isNameAt(reading, after)) {
      use(reading, before, index, after);
      parsed.nodeName = tokens[after].text;
    } else if (isNameAt(reading, after) && isLocativeOn(reading, after + 1)) {
      use(reading, before, index, after, after + 1);
      parsed.nodeName = tokens[after].text;
    } else if (isNameAt(reading, index - 1) && isLocativeOn(reading, index + 1)) {
      use(reading, index - 1, index, index + 1);
      parsed.nodeName = tokens[index - 1].text;
      if (hasRole(reading, index - 2, "onPrep", "inPrep")) use(reading, index - 2);
    }
  });
}

// 上, 上面, 上边: "on" a node, as 中/里 are "in" a namespace.
const ON_LOCATIVES = new Set(["上", "上面", "上边"]);

function isLocativeOn(reading: Reading, index: number): boolean {
  return ON_LOCATIVES.has(reading.tokens[index]?.lower ?? "");
}

/** "in shop", "on worker-1", 在shop中, shop下的, worker-1上的: what a preposition or locative points at. */
export function readPrepositions(reading: Reading): void {
  const { tokens, parsed } = reading;
  tokens.forEach((_token, index) => {
    if (reading.used[index]) return;
    if (hasRole(reading, index, "inPrep", "onPrep")) {
      const after = nextIndex(reading, index);
      // "on the checkout pods": a word before a kind qualifies it (read already or not), it is not the place.
      if (!isNameAt(reading, after) || tokens[after + 1]?.type === "kind") return;
      const onNode = hasRole(reading, index, "onPrep") || isLocativeOn(reading, after + 1);
      if (onNode) parsed.nodeName ??= tokens[after].text;
      else if (!readGuessedNamespace(reading, after, joinLaterNamespace)) return;
      use(reading, index, after);
      if (hasRole(reading, after + 1, "locative")) use(reading, after + 1);
      return;
    }
    if (isNameAt(reading, index) && tokens[index + 1]?.chinese && hasRole(reading, index + 1, "locative")) {
      if (tokens[index - 1]?.type === "kind" || hasRole(reading, index - 1, "nameMarker", "container"))
        return;
      if (isLocativeOn(reading, index + 1)) parsed.nodeName ??= tokens[index].text;
      else if (!readGuessedNamespace(reading, index, joinEarlierNamespace)) return;
      use(reading, index, index + 1);
    }
  });
}

type Join = (reading: Reading, at: number) => { at: number; values: string[] };

/**
 * "in shop", shop中: the question's namespace when it is the first; in a later clause ("pods in a and services
 * in b") a namespace of that clause only. False when neither: the word is left for other readings.
 */
function readGuessedNamespace(reading: Reading, at: number, join: Join): boolean {
  const { parsed } = reading;
  if (parsed.namespace === undefined) {
    readFirstNamespace(reading, at, join);
    parsed.namespaceGuessed = true;
    return true;
  }
  if (!startsNewClause(reading, at)) return false;
  parsed.namespaceMentions.push(join(reading, at));
  return true;
}

/** The question-wide namespace, with any joined to it ("shop and payments"), noted where it was said. */
function readFirstNamespace(reading: Reading, at: number, join: Join): void {
  const mention = join(reading, at);
  reading.parsed.namespace = mention.values[0];
  reading.parsed.moreNamespaces.push(...mention.values.slice(1));
  reading.parsed.namespaceMentions.push(mention);
}

/** shop和payments命名空间, "kube-system and default下": the name before a conjunction is the first namespace. */
function joinEarlierNamespace(reading: Reading, at: number): { at: number; values: string[] } {
  const { tokens } = reading;
  const values = [tokens[at].text];
  // shop、payments和default命名空间: every name listed before, first to last.
  let first = at;
  while (hasRole(reading, first - 1, "conj") && isNameAt(reading, first - 2)) {
    use(reading, first - 2, first - 1);
    values.unshift(tokens[first - 2].text);
    first -= 2;
  }
  return { at: first, values };
}

/** "in shop and payments": a second namespace after a conjunction, unless a kind follows ("in shop and pods"). */
function joinLaterNamespace(reading: Reading, at: number): { at: number; values: string[] } {
  const values = [reading.tokens[at].text];
  // "in shop, payments and default": each further name after a comma or "and" while the list goes on.
  for (let last = at; ; last += 2) {
    if (!hasRole(reading, last + 1, "conj") || !isNameAt(reading, last + 2) || isKindAt(reading, last + 3))
      return { at, values };
    // "in web, users get 502s": a word that a verb follows opens a clause of its own, a remark or a request.
    if (hasRole(reading, last + 3, "locative", "intent")) return { at, values };
    use(reading, last + 1, last + 2);
    values.push(reading.tokens[last + 2].text);
  }
}
