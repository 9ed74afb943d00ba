import { BUILTIN_KINDS, type KindLexicon, type KindMatch } from "./kind-lexicon.js";

/**
 * Every plain built-in kind name long enough for a typo of it to be told from another word. Namespaces are left out:
 * "namespace" is mostly the slot word before a name ("pods in namspace paymnts"), which the names index corrects.
 * Everyday synonyms (machines, servers for nodes) are read only as written: "server" is no typo of "servers".
 */
const KIND_WORDS: readonly string[] = [
  ...new Set(
    BUILTIN_KINDS.filter((entry) => entry.plural !== "namespaces")
      .flatMap((entry) => [
        entry.plural,
        ...entry.english.filter((word) => word.startsWith(entry.plural.slice(0, 3))),
      ])
      .filter((word) => /^[a-z]{4,}$/.test(word)),
  ),
];

/**
 * "deploymnet", "pdos", "sevice": a mistyped kind read as the kind. Short words only by swapping two neighbouring
 * letters (so "none", "notes", "code" stay words), longer ones by one edit, and ten letters or more by two; a word
 * as close to two different kinds is neither.
 */
export function kindTypo(word: string, lexicon: KindLexicon): KindMatch | undefined {
  if (!/^[a-z]{4,}$/.test(word) || lexicon.lookup(word)) return undefined;
  const allowed = word.length <= 5 ? 0 : word.length < 10 ? 1 : 2;
  const plurals = new Set<string>();
  let best: string | undefined;
  for (const candidate of KIND_WORDS) {
    // Lengths further apart than the edits allowed cannot match (and a pasted 100 KB word would cost seconds).
    if (Math.abs(word.length - candidate.length) > allowed) continue;
    const transposed = isTransposition(word, candidate);
    if (!transposed && distance(word, candidate) > allowed) continue;
    const match = lexicon.lookup(candidate);
    if (!match) continue;
    plurals.add(match.plural);
    best ??= candidate;
  }
  return plurals.size === 1 && best ? lexicon.lookup(best) : undefined;
}

function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const differ = [...a].flatMap((char, index) => (char === b[index] ? [] : [index]));
  return (
    differ.length === 2 &&
    differ[1] === differ[0] + 1 &&
    a[differ[0]] === b[differ[1]] &&
    a[differ[1]] === b[differ[0]]
  );
}

/** Damerau-Levenshtein (optimal string alignment). */
function distance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
    }
  return rows[a.length][b.length];
}
