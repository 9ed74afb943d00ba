import type { KindLexicon } from "./kind-lexicon.js";
import { readContainers, readLogOptions, readNameMarkers, readSelectors } from "./read-details.js";
import { readFlags } from "./read-flags.js";
import { readNamespacePhrases, readNodePhrases, readPrepositions } from "./read-scope.js";
import { createReading, hasRole, isNameAt, type ParsedQuestion, type Reading, use } from "./reading.js";
import { tokenize } from "./tokenize.js";

const KUBECTL = /(^|[^A-Za-z0-9_-])kubectl([^A-Za-z0-9_-]|$)|^\s*k\s+(get|describe|logs|top|events)\b/i;

/** Reads a question in passes, most specific phrase first; each pass marks the tokens it explained. */
export function parseQuestion(text: string, lexicon: KindLexicon): ParsedQuestion {
  const normalised = normaliseText(text);
  const kubectl = KUBECTL.test(normalised);
  const reading = createReading(tokenize(normalised, lexicon, kubectl), kubectl);
  readFlags(reading);
  readNamespacePhrases(reading);
  readNodePhrases(reading);
  readNameMarkers(reading);
  readContainers(reading);
  readSelectors(reading);
  readLogOptions(reading);
  readKinds(reading);
  readPrepositions(reading);
  readCues(reading);
  readLeftovers(reading);
  attachNames(reading.parsed);
  const involved = reading.parsed.involvedKind;
  if (involved) reading.parsed.involvedKind = lexicon.canonical(involved) ?? involved;
  return reading.parsed;
}

/** Full-width forms to ASCII (NFKC), curly quotes to straight ones, controls to spaces. */
function normaliseText(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\u2018\u2019\u201a\u201b]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u300c\u300d\u300e\u300f]/g, '"')
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g, " ");
}

/** Kinds, with the name written next to them: "pod web-1", pod/web-1, "the coredns pod", checkout部署. */
function readKinds(reading: Reading): void {
  const { tokens, parsed } = reading;
  tokens.forEach((token, index) => {
    if (reading.used[index] || token.type !== "kind" || !token.kind) return;
    use(reading, index);
    if (token.kind.plural === "events") {
      parsed.intents.push({ intent: "events", at: index });
      return;
    }
    const target = {
      kind: token.kind.plural,
      namespaced: token.kind.namespaced,
      at: index,
    } as ParsedQuestion["targets"][number];
    const nameAfter = isNameAt(reading, index + 1) && !isNamespaceScopeAfter(reading, index + 1);
    if (
      nameAfter &&
      (token.kind.singular || token.chinese || parsed.kubectl || looksGenerated(tokens[index + 1].text))
    ) {
      target.name = tokens[index + 1].text;
      use(reading, index + 1);
    } else if (
      isNameAt(reading, index - 1) &&
      (token.kind.singular || token.chinese) &&
      !hasRole(reading, index - 2, "inPrep")
    ) {
      target.name = tokens[index - 1].text;
      use(reading, index - 1);
    }
    parsed.targets.push(target);
  });
}

/** After a plural ("pods anywhere") a word is a name only when it looks like one: digits or dashes. */
function looksGenerated(word: string): boolean {
  return /[0-9-]/.test(word);
}

/** "pods default" is not a name when kubectl reads it, but in "in pod web-1" web-1 is: only a following locative says scope. */
function isNamespaceScopeAfter(reading: Reading, index: number): boolean {
  const next = reading.tokens[index + 1];
  return (
    next?.chinese === true && next.type === "cue" && next.cue?.role === "locative" && next.lower !== "上"
  );
}

function readCues(reading: Reading): void {
  const { tokens, parsed } = reading;
  tokens.forEach((token, index) => {
    if (reading.used[index] || token.type !== "cue" || !token.cue) return;
    const cue = token.cue;
    use(reading, index);
    switch (cue.role) {
      case "intent":
        parsed.intents.push({ intent: isOutputVerb(reading, index) ? "list" : cue.intent, at: index });
        return;
      case "sort":
        parsed.sortBy ??= cue.value;
        parsed.intents.push({ intent: "top", at: index });
        return;
      case "eventType":
        parsed.eventType ??= cue.value;
        parsed.intents.push({ intent: "events", at: index });
        return;
      case "phase":
        // "pods running in shop" says where they are, not which phase: only "running pods" filters.
        if (
          cue.value === "status.phase=Running" &&
          hasRole(reading, index + 1, "inPrep", "onPrep", "cluster", "all")
        )
          return;
        parsed.phases.push(isNegatedInChinese(reading, index) ? "status.phase!=Running" : cue.value);
        return;
      case "all":
        parsed.allNamespaces = true;
        return;
      case "cluster":
        parsed.cluster = true;
        return;
      case "previous":
        parsed.previous = true;
        return;
      case "conj":
        parsed.conjunctions.push(index);
        return;
      case "number":
        parsed.unexplained.push(token.text);
        return;
      default:
        return;
    }
  });
}

/** 状态不是Running, 不在Running: a Chinese negation before the English phase word. */
function isNegatedInChinese(reading: Reading, index: number): boolean {
  const before = reading.tokens
    .slice(Math.max(0, index - 2), index)
    .filter((token) => token.chinese)
    .map((token) => token.text)
    .join("");
  return reading.tokens[index].lower === "running" && /(不是|不|非|没有|没在|不在|未|不处于)$/.test(before);
}

/** "output the yaml of ...": the word opening a request is the verb print, while "the output of pod x" means logs. */
function isOutputVerb(reading: Reading, index: number): boolean {
  const token = reading.tokens[index];
  if (token.lower !== "output") return false;
  const next = reading.tokens[index + 1]?.lower ?? "";
  return index === 0 || ["the", "a", "an", "me", "all", "every"].includes(next);
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
