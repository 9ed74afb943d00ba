import { describe, expect, it } from "vitest";
import { planQuestion } from "../../../src/core/planner/builtin/builtin-planner.js";
import { BUILTIN_KINDS, createKindLexicon } from "../../../src/core/planner/builtin/kind-lexicon.js";
import { kindTypo } from "../../../src/core/planner/builtin/kind-typos.js";
import { ENGLISH_CUES } from "../../../src/core/planner/builtin/vocabulary.js";

const lexicon = createKindLexicon([]);

/** Every adjacent swap of two different letters, and (for words of six letters or more) every dropped letter. */
function typosOf(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i + 1 < word.length; i++)
    if (word[i] !== word[i + 1]) out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  if (word.length >= 7) for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1));
  return [...out].filter((typo) => !lexicon.lookup(typo) && !ENGLISH_CUES.has(typo));
}

const KIND_WORDS = BUILTIN_KINDS.filter((entry) => entry.plural !== "namespaces").flatMap((entry) =>
  [entry.plural, ...entry.english]
    .filter((word) => /^[a-z]{4,}$/.test(word))
    .map((word) => [word, entry.plural]),
);

describe("a mistyped kind is the kind", () => {
  it.each(KIND_WORDS)("typos of %s read as %s, in a question", (word, plural) => {
    const wrong = typosOf(word).flatMap((typo) => {
      const match = kindTypo(typo, lexicon);
      // A typo as close to another kind (a singular one letter from another plural) is left alone, never misread.
      if (match && match.plural !== plural) return [`${typo} → ${match.plural}`];
      if (!match) return [];
      const plan = planQuestion(`list ${typo} in shop`, lexicon);
      const call = plan.calls[0];
      const namespaced = lexicon.isNamespaced(plural);
      const right =
        plural === "events"
          ? call?.tool === "get_events" && call.args.namespace === "shop"
          : call?.tool === "get_resources" &&
            call.args.kind === plural &&
            call.args.namespace === (namespaced ? "shop" : undefined);
      return right ? [] : [`list ${typo} in shop → ${JSON.stringify(plan.calls)}`];
    });
    expect(wrong).toEqual([]);
  });

  it("most typos of most kinds are read (not only the three in the issue)", () => {
    const all = KIND_WORDS.flatMap(([word]) => typosOf(word));
    const read = all.filter((typo) => kindTypo(typo, lexicon) !== undefined);
    expect(read.length / all.length).toBeGreaterThan(0.8);
    for (const typo of ["deploymnet", "pdos", "sevice"]) expect(kindTypo(typo, lexicon)).toBeDefined();
  });

  it("plain English words one edit from a short kind stay words", () => {
    for (const word of ["none", "notes", "code", "mode", "posts", "nodded", "noted", "jobless", "servers"])
      expect(kindTypo(word, lexicon), word).toBeUndefined();
  });
});
