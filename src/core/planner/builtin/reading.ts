import type { ClusterNames } from "../../ports.js";
import type { Token } from "./tokenize.js";
import type { Cue, Intent } from "./vocabulary.js";

/** A resource the question is about, in the order the user named it. */
export interface Target {
  kind: string;
  namespaced: boolean;
  name?: string;
  at: number;
  /** Named in the plural ("pods"): a list, so "pods of X" means pods in X. */
  listed?: boolean;
  /** Set by bind-clauses.ts when clauses scope their kinds differently ("pods in a and services in b"). */
  namespaces?: string[];
  labelSelectors?: string[];
  /** "which node ...", 哪个节点: the kind is what the question asks for, not something to list. */
  asked?: boolean;
}

/** A mention's value for "all namespaces", -A: not a name Kubernetes allows, so never a real namespace. */
export const EVERY_NAMESPACE = "*";

/** Where a namespace or label selector was said, to bind it to the kinds of its own clause. */
export interface Mention {
  at: number;
  values: string[];
}

/** What the parser understood; build-calls.ts turns it into tool calls. */
export interface ParsedQuestion {
  intents: { intent: Intent; at: number }[];
  targets: Target[];
  /** Names given with a marker ("named X", 名为X) not yet tied to a kind. */
  names: { name: string; at: number }[];
  namespace?: string;
  allNamespaces: boolean;
  /** "the cluster", 集群: the whole cluster, weaker than an explicit namespace. */
  cluster: boolean;
  /** Where "namespace X" or "all namespaces" was read: with no other kind, the namespaces themselves may be meant. */
  namespaceWord?: { at: number; form: "all" | "named"; nameFollows?: boolean };
  labelSelectors: string[];
  phases: string[];
  fieldSelectors: string[];
  nodeName?: string;
  /** `--field-selector involvedObject.kind=Pod`: the kind whose events are meant. */
  involvedKind?: string;
  container?: string;
  tailLines?: number;
  /** "last 200 lines", 最后100行: a count of lines, which only logs have. */
  linesWord?: boolean;
  sinceSeconds?: number;
  previous: boolean;
  /** `kubectl get all`: the workloads and services of kubectl's `all` category. */
  everyKind?: boolean;
  /** "what's running in kube-system": something runs there, and pods are what runs. */
  runsSomewhere?: boolean;
  /** Set when the namespace was only guessed from "in X" or X中, so it may be a pod's name after all. */
  namespaceGuessed?: boolean;
  /** "in shop and payments", shop和payments命名空间: the namespaces after the first, in order. */
  moreNamespaces: string[];
  /** Every namespace phrase and label selector, by position (the fields above keep the question-wide reading). */
  namespaceMentions: Mention[];
  selectorMentions: Mention[];
  eventType?: "Warning" | "Normal";
  sortBy?: "cpu" | "memory";
  outputFormat?: string;
  conjunctions: number[];
  /** Unknown name-like words, resolved once the intent is known (a pod name, a namespace...). */
  loose: { text: string; at: number; before?: string; after?: string }[];
  unexplained: string[];
  kubectl: boolean;
  /** The cluster's names, when the planner has them: a word is a name when the cluster says so. */
  known?: ClusterNames;
}

/** The tokens and which of them a pass has already explained. */
export interface Reading {
  tokens: Token[];
  used: boolean[];
  parsed: ParsedQuestion;
}

export function createReading(tokens: Token[], kubectl: boolean): Reading {
  return {
    tokens,
    used: tokens.map(() => false),
    parsed: {
      intents: [],
      targets: [],
      names: [],
      allNamespaces: false,
      cluster: false,
      labelSelectors: [],
      phases: [],
      fieldSelectors: [],
      previous: false,
      moreNamespaces: [],
      namespaceMentions: [],
      selectorMentions: [],
      conjunctions: [],
      loose: [],
      unexplained: [],
      kubectl,
    },
  };
}

const NAME_PATTERN = /^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$/;

/** An unexplained word that could be an object's, namespace's or container's name. */
// checkout这个deployment, web这个ns: a demonstrative between a name and its kind.
const DEMONSTRATIVES = new Set(["这个", "那个", "这", "那"]);

/** Where the name written before a kind stands (web-1 pod, checkout这个deploy), skipping a demonstrative. */
export function nameIndexBefore(reading: Reading, index: number): number {
  const before = reading.tokens[index - 1];
  const skip = before?.chinese === true && DEMONSTRATIVES.has(before.text) && !reading.used[index - 1];
  return skip ? index - 2 : index - 1;
}

export function isNameAt(reading: Reading, index: number): boolean {
  const token = reading.tokens[index];
  return (
    token !== undefined && !reading.used[index] && token.type === "word" && NAME_PATTERN.test(token.text)
  );
}

export function cueAt(reading: Reading, index: number): Cue | undefined {
  return reading.tokens[index]?.type === "cue" ? reading.tokens[index].cue : undefined;
}

export function hasRole(reading: Reading, index: number, ...roles: Cue["role"][]): boolean {
  const cue = cueAt(reading, index);
  return cue !== undefined && roles.includes(cue.role);
}

/** The index after `index`, stepping over filler that may sit inside a phrase ("in the shop namespace", 名为：x). */
export function nextIndex(reading: Reading, index: number, skip: readonly string[] = FILLER): number {
  let next = index + 1;
  while (next < reading.tokens.length && skip.includes(reading.tokens[next].lower)) next++;
  return next;
}

export function previousIndex(reading: Reading, index: number, skip: readonly string[] = FILLER): number {
  let previous = index - 1;
  while (previous >= 0 && skip.includes(reading.tokens[previous].lower)) previous--;
  return previous;
}

export const FILLER = ["the", "a", "an", ":", "：", "为", "是", "my", "our", "this", "that", '"', "'", "`"];

export function use(reading: Reading, ...indexes: number[]): void {
  for (const index of indexes) if (index >= 0 && index < reading.used.length) reading.used[index] = true;
}

export function isKindAt(reading: Reading, index: number, plural?: string): boolean {
  const token = reading.tokens[index];
  return (
    token?.type === "kind" && !reading.used[index] && (plural === undefined || token.kind?.plural === plural)
  );
}

/** True when an unjoined conjunction ("and", 和, a comma) separates `index` from every namespace read so far. */
export function startsNewClause(reading: Reading, index: number): boolean {
  const mentions = reading.parsed.namespaceMentions;
  if (mentions.length === 0) return false;
  // Only the nearest mention on each side needs checking: a conjunction before it lies before the farther ones too.
  let before = -1;
  let after = reading.tokens.length;
  for (const { at } of mentions) {
    if (at < index) before = Math.max(before, at);
    else after = Math.min(after, at);
  }
  const separated = (from: number, to: number) => {
    for (let at = from + 1; at < to; at++) if (!reading.used[at] && hasRole(reading, at, "conj")) return true;
    return false;
  };
  return (
    (before < 0 || separated(before, index)) && (after >= reading.tokens.length || separated(index, after))
  );
}
