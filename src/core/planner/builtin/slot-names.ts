import type { ClusterNames } from "../../ports.js";
import { workloadBases } from "../../tools/workload-pods.js";
import type { Token } from "./tokenize.js";

const NAME_PATTERN = /^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$/;
// Words between a slot and its value: "namespace: metrics", "namespace named apps", "pod called api".
const SLOT_FILLER = new Set(["the", ":", "：", "=", "named", "called", "叫", "名为", "为"]);
// Roles that are grammar, never a name: "all namespaces", "namespace and", "in namespace".
const GRAMMAR_ROLES = new Set(["all", "conj", "inPrep", "onPrep", "nameMarker", "possessive", "locative"]);

/**
 * Explicit slots win over the vocabulary: in "list pods in namespace metrics", `-n debug`, apps命名空间,
 * "deployment top", "named logs" the word in the slot is a name even when it is also a vocabulary word or a kind's
 * short name. With the cluster's names, a word that is a known namespace or object in such a place is that name;
 * without them only the unmistakable slots count ("in namespace X", "X命名空间", "named X").
 */
export function bindSlotNames(tokens: Token[], names: ClusterNames | undefined): Token[] {
  return tokens.map((token, index) => (isSlotName(tokens, index, names) ? asWord(token) : token));
}

function isSlotName(tokens: Token[], index: number, names: ClusterNames | undefined): boolean {
  const token = tokens[index];
  if ((token.type !== "cue" && token.type !== "kind") || token.chinese || token.text.includes(" "))
    return false;
  if (!NAME_PATTERN.test(token.text) || (token.cue && GRAMMAR_ROLES.has(token.cue.role))) return false;
  const before = previous(tokens, index);
  const after = tokens[index + 1];
  const known = (set: ReadonlySet<string> | undefined) => set?.has(token.text) ?? false;
  if (isNamespaceWord(tokens[before])) {
    // "in namespace metrics", "namespace apps": the word after the namespace word is the namespace ("the shop
    // namespace pods" keeps its kind unless the cluster has a namespace of that name).
    return (
      known(names?.namespaces) ||
      isInPrep(tokens[previous(tokens, before)]) ||
      // "namespace: metrics", "namespace named top": a marker between says a name follows.
      (before !== index - 1 && token.type === "cue" && token.cue?.role !== "stop")
    );
  }
  if (isNamespaceWord(after) && after !== undefined) {
    // "the metrics namespace", metrics命名空间.
    return known(names?.namespaces) || after.chinese || isInPrep(tokens[before]);
  }
  const justBefore = tokens[index - 1];
  if (justBefore?.type === "cue" && justBefore.cue?.role === "nameMarker") return true;
  const marker = tokens[before];
  if (!names) return false;
  if (known(names.namespaces) && isListedWithNamespace(tokens, index, names)) return true;
  if (marker?.type === "kind" && marker.kind?.singular && marker.kind.plural !== "namespaces")
    return isKnownObject(names, token.text);
  // "pods in apps", apps的pod, apps下: a known namespace where a namespace can stand; "in namespace x" keeps its
  // namespace word, which introduces the name after it.
  if (isNamespaceWord(token) && after !== undefined && !after.chinese) return false;
  if (isInPrep(marker) || (after?.chinese && after.type === "cue")) return known(names.namespaces);
  return false;
}

/** A known object's name, or a pod's (generated from a known workload's name). */
export function isKnownObject(names: ClusterNames, text: string): boolean {
  return (
    names.objects.has(text) ||
    names.nodes.has(text) ||
    workloadBases(text).some((base) => names.objects.has(base))
  );
}

// What joins the namespaces of one list: "shop and metrics", "edge or debug", "shop vs apps", shop、metrics.
const LIST_JOINERS = new Set([
  "and",
  "or",
  "vs",
  "vs.",
  "versus",
  "&",
  ",",
  "/",
  "和",
  "与",
  "跟",
  "及",
  "、",
  "或",
  "或者",
]);

/** "shop and metrics", "metrics or shop": a known namespace joined to another one is a namespace too. */
function isListedWithNamespace(tokens: Token[], index: number, names: ClusterNames): boolean {
  const joinedAt = (joiner: number, other: number) =>
    LIST_JOINERS.has(tokens[joiner]?.lower ?? "") && names.namespaces.has(tokens[other]?.lower ?? "");
  return joinedAt(index - 1, index - 2) || joinedAt(index + 1, index + 2);
}

function isNamespaceWord(token: Token | undefined): boolean {
  return token?.type === "kind" && token.kind?.plural === "namespaces" && token.lower !== "namespaces";
}

function isInPrep(token: Token | undefined): boolean {
  return token?.type === "cue" && token.cue?.role === "inPrep";
}

function previous(tokens: Token[], index: number): number {
  let at = index - 1;
  while (at >= 0 && SLOT_FILLER.has(tokens[at].lower) && !isNamespaceWord(tokens[at])) at--;
  return at;
}

function asWord(token: Token): Token {
  return { text: token.text, lower: token.lower, type: "word", chinese: false, slot: true };
}
