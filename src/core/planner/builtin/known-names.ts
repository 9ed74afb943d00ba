import { shortenedNode } from "../../names/names-in-text.js";
import type { ClusterNames } from "../../ports.js";
import { closeMatches } from "../../tools/close-matches.js";
import type { ParsedQuestion } from "./reading.js";
import { isKnownObject } from "./slot-names.js";

const OBJECT_INTENTS = new Set(["describe", "manifest", "logs"]);

/** A name corrected from a typo is a guess: enough to put the plan below the hybrid threshold (an LLM may read it better). */
export const GUESSED_NAME = 2;

const FIELD_WORDS = new Set(["phase", "status", "state", "condition"]);

export type NameRole = "namespace" | "object" | "node" | "both";

/** What the cluster calls `text`: a namespace, an object (or a pod of a known workload), a node, or several. */
export function roleOf(names: ClusterNames, text: string): NameRole | undefined {
  const namespace = names.namespaces.has(text);
  const node = names.nodes.has(text);
  const object = isKnownObject(names, text) && !node;
  if (namespace && (object || node)) return "both";
  if (namespace) return "namespace";
  if (node) return "node";
  return object ? "object" : undefined;
}

/**
 * A word the cluster does not know but that is one typo away from exactly one name it does ("chekout" → checkout,
 * "paymnts" → payments): that name. Only words of five letters or more, so short words ("no", "wat") stay words,
 * and two edits only from eight letters on, so a word two edits from a short name stays a word ("short" is not shop).
 */
export function correctedName(names: ClusterNames, text: string): string | undefined {
  if (text.length < 5 || !/^[a-z0-9-]+$/.test(text)) return undefined;
  const every = [
    ...names.namespaces,
    ...names.nodes,
    ...[...names.objects.keys()].filter((name) => !names.exactOnly?.has(name)),
  ];
  const close = closeMatches(text, every, 3).filter(
    (candidate) => !candidate.startsWith(text) && distanceAtMost(text, candidate, text.length < 8 ? 1 : 2),
  );
  return close.length === 1 ? close[0] : undefined;
}

/**
 * After the grammar has read the question: a place ("on fire", "in namspace") that the cluster shows is no node or
 * namespace is not one. A complete index is needed to say a name does not exist. Returns how much was guessed.
 */
export function checkPlacesAgainstNames(parsed: ParsedQuestion): number {
  const names = parsed.known;
  if (!names?.complete) return 0;
  let guesses = 0;
  if (parsed.nodeName && names.nodes.size > 0 && !names.nodes.has(parsed.nodeName)) {
    // "on worker-1": the node it shortens, else the node one typo away.
    const corrected = shortenedNode(names, parsed.nodeName) ?? correctedName(names, parsed.nodeName);
    if (corrected && names.nodes.has(corrected)) {
      parsed.nodeName = corrected;
      guesses += GUESSED_NAME;
    } else if (isKnownObject(names, parsed.nodeName) && !hasObjectName(parsed)) {
      // "events on ledger", "memory limit on the api-gateway": what "on" points at is an object, the one asked about.
      const unnamed = parsed.targets.find((target) => !target.name && target.kind !== "nodes");
      if (unnamed) unnamed.name = parsed.nodeName;
      else parsed.names.push({ name: parsed.nodeName, at: -1 });
      parsed.nodeName = undefined;
    } else {
      parsed.unexplained.push(parsed.nodeName);
      parsed.nodeName = undefined;
    }
  }
  // "describe pod nosuchpod": a request that needs an object keeps the name it was given, so the answer says it
  // was not found (and the CLI exits so) rather than listing everything.
  const needsObject = parsed.intents.some((entry) => OBJECT_INTENTS.has(entry.intent));
  for (const target of parsed.targets) {
    const name = target.name;
    if (!name || /[0-9-]/.test(name) || roleOf(names, name) !== undefined) continue;
    const corrected = correctedName(names, name);
    if (corrected) {
      target.name = corrected;
      guesses += GUESSED_NAME;
    } else if (needsObject) {
      guesses += GUESSED_NAME;
    } else {
      // "which ingress hosts", "the checkout PDB blocking evictions": a plain word after a kind that names nothing.
      target.name = undefined;
      parsed.unexplained.push(name);
    }
  }
  const namespace = parsed.namespace;
  if (parsed.namespaceGuessed && namespace && !names.namespaces.has(namespace)) {
    const role = roleOf(names, namespace);
    const corrected = correctedName(names, namespace);
    if (FIELD_WORDS.has(namespace)) {
      // "pods in phase Pending", "in state Running": a field the question filters on, not a place.
      dropNamespace(parsed, namespace);
    } else if (role === "object" || role === "node") {
      // "ledger 的日志", "checkout中": the word is an object the question is about, not where to look.
      dropNamespace(parsed, namespace);
      parsed.names.push({ name: namespace, at: -1 });
    } else if (corrected && names.namespaces.has(corrected)) {
      renameNamespace(parsed, namespace, corrected);
      guesses += GUESSED_NAME;
    } else if (
      parsed.loose.some((word) => word.text !== namespace) ||
      parsed.intents.some((entry) => entry.intent !== "list")
    ) {
      // "pods in namspace paymnts": a later word is the place meant. "what's broken in prod": the cluster is.
      dropNamespace(parsed, namespace);
      parsed.unexplained.push(namespace);
    } else {
      // "pods in paymetns-prod", "pods in foo": where the user looks, though no namespace bears the name; the
      // executor answers with the close namespaces instead of a silent list of everything.
      guesses += GUESSED_NAME;
    }
  }
  return guesses;
}

function dropNamespace(parsed: ParsedQuestion, namespace: string): void {
  parsed.namespace = parsed.moreNamespaces.shift();
  parsed.namespaceGuessed = false;
  parsed.namespaceMentions = parsed.namespaceMentions
    .map((mention) => ({ ...mention, values: mention.values.filter((value) => value !== namespace) }))
    .filter((mention) => mention.values.length > 0);
}

function renameNamespace(parsed: ParsedQuestion, from: string, to: string): void {
  parsed.namespace = to;
  for (const mention of parsed.namespaceMentions)
    mention.values = mention.values.map((value) => (value === from ? to : value));
}

function distanceAtMost(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length] <= limit;
}

function hasObjectName(parsed: ParsedQuestion): boolean {
  return parsed.targets.some((target) => target.name) || parsed.names.length > 0;
}
