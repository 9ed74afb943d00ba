import type { ClusterNames } from "../../ports.js";
import { chineseNumeralsToDigits, foldMixedKindNames, toSimplified } from "./chinese-forms.js";
import type { KindLexicon } from "./kind-lexicon.js";
import { withoutPipedGrep } from "./piped-grep.js";
import { readCues } from "./read-cues.js";
import { readContainers, readLogOptions, readNameMarkers, readSelectors } from "./read-details.js";
import { readFlags } from "./read-flags.js";
import { readRelativeClauses } from "./read-relative.js";
import { readNamespacePhrases, readNodePhrases, readPrepositions } from "./read-scope.js";
import {
  createReading,
  hasRole,
  isNameAt,
  nameIndexBefore,
  type ParsedQuestion,
  type Reading,
  type Target,
  use,
} from "./reading.js";
import { bindSlotNames } from "./slot-names.js";
import { tokenize } from "./tokenize.js";
import { OBJECT_NAME_WORDS } from "./vocabulary.js";

/** Words that make the kind after them the question's answer: "which node", 哪个节点. */
const ASKING_WORDS = new Set(["which", "what", "哪个", "哪台", "哪一个", "哪一台", "哪"]);

// "ev -n shop", "ep catalog": a question that opens with a kubectl-only short name is kubectl written without it.
const KUBECTL =
  /(^|[^A-Za-z0-9_-])kubectl([^A-Za-z0-9_-]|$)|^\s*k\s+(get|describe|logs|top|events)\b|^\s*(?:ev|ep)\s+[-a-z0-9]/i;

/** Reads a question in passes, most specific phrase first; each pass marks the tokens it explained. */
export function parseQuestion(text: string, lexicon: KindLexicon, names?: ClusterNames): ParsedQuestion {
  const normalised = withoutPipedGrep(normaliseText(text), names);
  const kubectl = KUBECTL.test(normalised);
  const reading = createReading(bindSlotNames(tokenize(normalised, lexicon, kubectl), names), kubectl);
  reading.parsed.known = names;
  readFlags(reading);
  readNamespacePhrases(reading);
  readNodePhrases(reading);
  readNameMarkers(reading);
  readContainers(reading);
  readSelectors(reading);
  readLogOptions(reading);
  readKinds(reading);
  readPrepositions(reading);
  readRelativeClauses(reading);
  readCues(reading);
  readLeftovers(reading);
  attachNames(reading.parsed);
  const involved = reading.parsed.involvedKind;
  if (involved) reading.parsed.involvedKind = lexicon.canonical(involved) ?? involved;
  return reading.parsed;
}

/**
 * Full-width forms to ASCII (NFKC), traditional Chinese to simplified, Chinese numerals before a unit to digits,
 * curly quotes to straight ones, controls to spaces; double quotes and backticks only set words off ("`web-1`").
 */
function normaliseText(text: string): string {
  return (
    foldMixedKindNames(chineseNumeralsToDigits(toSimplified(text.normalize("NFKC"))))
      .replace(/[\u2018\u2019\u201a\u201b]/g, "'")
      .replace(/[\u201c\u201d\u201e\u201f\u300c\u300d\u300e\u300f]/g, '"')
      .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g, " ")
      .replace(/["`]/g, " ")
      // 默认命名空间 is the namespace called default.
      .replace(/默认(的)?(命名空间|名字空间|namespace)/gi, " default $2")
  );
}

/** Kinds, with the name written next to them: "pod web-1", pod/web-1, "the coredns pod", checkout部署. */
function readKinds(reading: Reading): void {
  const { tokens, parsed } = reading;
  tokens.forEach((token, index) => {
    if (reading.used[index] || token.type !== "kind" || !token.kind) return;
    use(reading, index);
    if (token.kind.plural === "events") {
      parsed.intents.push({ intent: "events", at: index });
      // kafka的Normal事件: the English type word written straight before the Chinese noun.
      if (tokens[index - 1]?.lower === "normal" && !reading.used[index - 1]) {
        use(reading, index - 1);
        parsed.eventType ??= "Normal";
      }
      return;
    }
    const target = {
      kind: token.kind.plural,
      namespaced: token.kind.namespaced,
      at: index,
      listed: !token.kind.singular && !token.chinese,
    } as ParsedQuestion["targets"][number];
    if (token.kind.plural === "nodes" && ASKING_WORDS.has(tokens[index - 1]?.lower ?? "")) {
      target.asked = true;
      parsed.targets.push(target);
      return;
    }
    // `kubectl get cm -n kube-system coredns`: flags may sit between the kind and the name.
    let at = index + 1;
    while (parsed.kubectl && tokens[at]?.type === "flag") at++;
    const nameAfter =
      (isNameAt(reading, at) || (token.kind.singular && isObjectNameWord(reading, at))) &&
      !isNamespaceScopeAfter(reading, at);
    if (
      nameAfter &&
      (token.kind.singular ||
        token.kind.pluralKind ||
        token.chinese ||
        parsed.kubectl ||
        looksGenerated(tokens[at].text))
    ) {
      target.name = tokens[at].text;
      use(reading, at);
      parsed.targets.push(target, ...moreNamesOfKind(reading, target, at));
      return;
    }
    const before = nameIndexBefore(reading, index);
    if (
      (isNameAt(reading, before) || (token.kind.singular && isObjectNameWord(reading, before))) &&
      (token.kind.singular || token.chinese) &&
      !hasRole(reading, before - 1, "inPrep")
    ) {
      target.name = tokens[before].text;
      use(reading, before, index - 1);
    }
    parsed.targets.push(target);
  });
}

/** "nodes worker-1 and worker-2", 节点worker-1和worker-2: further generated-looking names of the same kind. */
function moreNamesOfKind(reading: Reading, target: Target, at: number): Target[] {
  const more: Target[] = [];
  while (hasRole(reading, at + 1, "conj") && isNameAt(reading, at + 2)) {
    const word = reading.tokens[at + 2].text;
    if (!looksGenerated(word) || isNamespaceScopeAfter(reading, at + 2)) break;
    use(reading, at + 1, at + 2);
    more.push({ ...target, name: word, at: at + 2 });
    at += 2;
  }
  return more;
}

/** "the kubernetes service", "deployment dashboard": a cue word that is a well-known object's name. */
function isObjectNameWord(reading: Reading, index: number): boolean {
  const token = reading.tokens[index];
  return token?.type === "cue" && !reading.used[index] && OBJECT_NAME_WORDS.has(token.lower);
}

/** After a plural ("pods anywhere") a word is a name only when it looks like one: digits or dashes. */
function looksGenerated(word: string): boolean {
  return /[0-9-]/.test(word);
}

/** "pods default" is not a name when kubectl reads it, but in "in pod web-1" web-1 is: only a following locative says scope. */
function isNamespaceScopeAfter(reading: Reading, index: number): boolean {
  const next = reading.tokens[index + 1];
  return (
    next?.chinese === true &&
    next.type === "cue" &&
    next.cue?.role === "locative" &&
    !["上", "上面", "上边"].includes(next.lower)
  );
}

/** Unknown words wait for the intent (a pod name for logs, a namespace for a list); anything else lowers confidence. */
function readLeftovers(reading: Reading): void {
  const { tokens, parsed } = reading;
  tokens.forEach((token, index) => {
    if (reading.used[index]) return;
    if (isNameAt(reading, index)) {
      parsed.loose.push({
        text: token.text,
        at: index,
        before: tokens[index - 1]?.lower,
        after: tokens[index + 1]?.lower,
      });
    } else if (
      token.type === "word" ||
      token.type === "cjk" ||
      token.type === "number" ||
      token.type === "selector"
    ) {
      parsed.unexplained.push(token.text);
    }
  });
}

/** Ties each "named X" to the closest kind that has no name yet (名为X的Pod: after it; "service named X": before it). */
function attachNames(parsed: ParsedQuestion): void {
  for (const { name, at } of parsed.names) {
    const candidates = parsed.targets.filter((target) => target.name === undefined);
    if (candidates.length === 0) continue;
    const closest = candidates.reduce((best, target) =>
      Math.abs(target.at - at) < Math.abs(best.at - at) ? target : best,
    );
    closest.name = name;
    parsed.names = parsed.names.filter((entry) => entry.name !== name || entry.at !== at);
  }
}
