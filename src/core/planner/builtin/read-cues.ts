import { cueAt, hasRole, type Reading, use } from "./reading.js";

/** Words that say what to do, where, which phase or event type: each cue sets its part of the question. */
export function readCues(reading: Reading): void {
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
          (hasRole(reading, index + 1, "inPrep", "onPrep", "cluster", "all") || runsAtPlace(reading, index))
        ) {
          parsed.runsSomewhere = true;
          return;
        }
        parsed.phases.push(
          isNegatedInChinese(reading, index)
            ? "status.phase!=Running"
            : negatedAlongside(parsed.phases, cue.value),
        );
        return;
      case "all":
        if (isEveryKind(reading, index)) {
          parsed.everyKind = true;
          return;
        }
        // "any pending pods?" asks whether some exist; "in any namespace" was read with the namespace word.
        if (token.lower !== "any") parsed.allNamespaces = true;
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

/** 节点X上运行着哪些pod: a Chinese "runs" right after a place says where, unless it qualifies a noun (运行中的pod). */
function runsAtPlace(reading: Reading, index: number): boolean {
  const { tokens } = reading;
  return (
    tokens[index].chinese &&
    hasRole(reading, index - 1, "locative") &&
    !hasRole(reading, index + 1, "possessive")
  );
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

/** `kubectl get all -n shop`, "get all in payments": "all" is the object of a list verb, kubectl's `all` category. */
function isEveryKind(reading: Reading, index: number): boolean {
  const { tokens } = reading;
  if (tokens[index].lower !== "all") return false;
  const before = cueAt(reading, index - 1);
  if (before?.role !== "intent" || before.intent !== "list") return false;
  const next = tokens[index + 1];
  return next === undefined || next.type === "flag" || hasRole(reading, index + 1, "inPrep");
}

/**
 * "pods that aren't Running or Completed": a phase said after a negated one is negated too (neither phase), as
 * field selectors joined by commas all have to hold.
 */
function negatedAlongside(phases: string[], value: string): string {
  return phases.some((phase) => phase.includes("!=")) ? value.replace("=", "!=") : value;
}
