import type { ClusterNames } from "../ports.js";
import { workloadBase } from "../tools/workload-pods.js";

export type NameMatchRole = "namespace" | "node" | "object";

export interface NameInText {
  /** The name as the cluster spells it. */
  name: string;
  role: NameMatchRole;
  /** What the question wrote ("worker 3", "report"). */
  written: string;
  /** True when the written word is a shortening of the name (a few dash-separated parts of it), not the name. */
  shortened: boolean;
}

// Name-shaped runs of a question (Kubernetes names are lower case; Chinese text around them is not part of them).
const WORD = /[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?/g;

/**
 * The cluster's names a question mentions: a word that is a namespace, node or object is that name; a word (or a
 * word and the number after it: "worker 3") that is the leading or trailing dash-separated parts of exactly one
 * node or object ("worker-3" → demo-worker-3, "report" → report-nightly) is that name, shortened. Needs the index:
 * a name is what the cluster says, never a guess about a word.
 */
export function namesInText(names: ClusterNames, text: string): NameInText[] {
  const words = [...text.toLowerCase().matchAll(WORD)].map((match) => match[0]);
  const found: NameInText[] = [];
  const seen = new Set<string>();
  const add = (match: NameInText | undefined) => {
    if (!match) return;
    // "node status … node-exporter": the name written out later outranks its shortening seen first.
    const earlier = found.findIndex((other) => other.name === match.name);
    if (earlier >= 0 && found[earlier].shortened && !match.shortened) found[earlier] = match;
    if (seen.has(match.name)) return;
    seen.add(match.name);
    found.push(match);
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const next = words[i + 1];
    if (next !== undefined && /^\d+$/.test(next) && !/^\d+$/.test(word)) {
      const joined = shortenedName(names, `${word}-${next}`, `${word} ${next}`);
      if (joined) {
        add(joined);
        i++;
        continue;
      }
    }
    add(exactName(names, word) ?? shortenedName(names, word, word));
  }
  return found;
}

function exactName(names: ClusterNames, word: string): NameInText | undefined {
  if (names.namespaces.has(word)) return { name: word, role: "namespace", written: word, shortened: false };
  if (names.nodes.has(word)) return { name: word, role: "node", written: word, shortened: false };
  // A pod is known through its workload (checkout-5c6b-xk2lp of checkout).
  if (names.objects.has(word) || names.objects.has(workloadBase(word)))
    return { name: word, role: "object", written: word, shortened: false };
  return undefined;
}

// Shortenings shorter than this are too often ordinary words ("up", "db", "ok").
const MIN_SHORTENED = 4;

function shortenedName(names: ClusterNames, word: string, written: string): NameInText | undefined {
  if (word.length < MIN_SHORTENED || /^\d+$/.test(word)) return undefined;
  const matches: NameInText[] = [];
  const consider = (name: string, role: NameMatchRole) => {
    if (name !== word && (name.startsWith(`${word}-`) || name.endsWith(`-${word}`)))
      matches.push({ name, role, written, shortened: true });
  };
  for (const node of names.nodes) consider(node, "node");
  for (const name of names.objects.keys()) if (!names.exactOnly?.has(name)) consider(name, "object");
  // A CronJob and its jobs (report-nightly, report-nightly-29001): the family's head is the name meant.
  const [head] = [...matches].sort((a, b) => a.name.length - b.name.length);
  const family = head && matches.every((match) => match === head || match.name.startsWith(`${head.name}-`));
  // Several names share the parts ("checkout" of checkout-config and checkout-db): the word names none of them.
  return family ? head : undefined;
}

/** "worker-1" of demo-worker-1: the one node a word shortens, when it shortens exactly one name and that is a node. */
export function shortenedNode(names: ClusterNames, word: string): string | undefined {
  const matches = namesInText(names, word);
  const [match] = matches;
  return matches.length === 1 && match.role === "node" && match.shortened ? match.name : undefined;
}
