import { roleOf } from "./known-names.js";
import type { ParsedQuestion } from "./reading.js";
import type { Intent } from "./vocabulary.js";

/** Which tool wins when a question carries several cues: the most specific ask first. */
const PRIORITY: readonly Intent[] = [
  "logs",
  "manifest",
  "events",
  "diagnose",
  "top",
  "describe",
  "overview",
  "list",
];

// Intents that may be asked for together ("logs and events of pod x"); diagnose already reads logs and events.
const COMBINABLE = new Set<Intent>(["logs", "manifest", "events", "describe", "top"]);

const LINE_INTENTS = new Set<Intent>(["logs", "events", "manifest", "top"]);

/** The intents to answer, in the order the user asked; usually one. */
export function chooseIntents(parsed: ParsedQuestion): Intent[] {
  const present = effectiveIntents(parsed);
  if (listsBeforeEvents(parsed, present)) return ["list", "events"];
  // "give me an overview: version, nodes, what's broken": the cluster's overview beside its problems.
  const overview = parsed.intents.some((entry) => entry.intent === "overview");
  const diagnose = present.some((entry) => entry.intent === "diagnose");
  const unnamed =
    parsed.names.length === 0 && parsed.targets.every((target) => !target.name) && !mentionsKnownWord(parsed);
  if (overview && diagnose && !parsed.namespace && unnamed) return ["overview", "diagnose"];
  const combined = combinedIntents(parsed, present);
  if (combined.length > 1) return combined;
  const chosen = PRIORITY.find((intent) => present.some((entry) => entry.intent === intent)) ?? "list";
  return [refine(parsed, chosen)];
}

/** "what is going on with ledger": a word the cluster knows as an object is what the question is about. */
function mentionsKnownWord(parsed: ParsedQuestion): boolean {
  return parsed.loose.some(
    (word) => parsed.known !== undefined && roleOf(parsed.known, word.text) !== undefined,
  );
}

function effectiveIntents(parsed: ParsedQuestion): { intent: Intent; at: number }[] {
  const aboutObjects = parsed.targets.length > 0 || parsed.names.length > 0 || mentionsKnownWord(parsed);
  const present = parsed.intents.flatMap((entry): { intent: Intent; at: number }[] => {
    if (entry.intent === "health") {
      // shop啥情况, "how healthy is prod": an unplaced word before the question is the namespace asked about.
      const aboutPlace = parsed.namespace !== undefined || parsed.loose.some((word) => word.at < entry.at);
      return [{ intent: aboutObjects || aboutPlace ? "diagnose" : "overview", at: entry.at }];
    }
    if (entry.intent === "overview") {
      if (aboutObjects) return [];
      return [{ intent: parsed.namespace ? "diagnose" : "overview", at: entry.at }];
    }
    return [entry];
  });
  if (parsed.outputFormat === "yaml" || parsed.outputFormat === "json")
    present.push({ intent: "manifest", at: -1 });
  // "last 200 lines from pod worker-3": only logs come in lines.
  if (parsed.linesWord && !present.some((entry) => LINE_INTENTS.has(entry.intent)))
    present.push({ intent: "logs", at: -1 });
  const listOnly = present.every((entry) => entry.intent === "list");
  if (
    listOnly &&
    !aboutObjects &&
    parsed.cluster &&
    !parsed.namespace &&
    parsed.namespaceWord === undefined &&
    parsed.loose.length === 0 &&
    !parsed.nodeName
  ) {
    present.push({ intent: "overview", at: -1 });
  }
  return present;
}

function combinedIntents(parsed: ParsedQuestion, present: { intent: Intent; at: number }[]): Intent[] {
  const ordered = present.filter((entry) => COMBINABLE.has(entry.intent)).sort((a, b) => a.at - b.at);
  const distinct: { intent: Intent; at: number }[] = [];
  for (const entry of ordered)
    if (!distinct.some((seen) => seen.intent === entry.intent)) distinct.push(entry);
  if (distinct.length < 2 || present.some((entry) => entry.intent === "diagnose")) return [];
  const joined = distinct.slice(1).every((entry, index) => {
    const previous = distinct[index];
    return parsed.conjunctions.some((at) => at > previous.at && at < entry.at);
  });
  return joined ? distinct.map((entry) => entry.intent) : [];
}

/**
 * "show pods and events in shop", shop的deploy以及事件: kinds joined to the word events are listed beside them,
 * not the objects the events are about (that is "events for pod x", "deployment events").
 */
function listsBeforeEvents(parsed: ParsedQuestion, present: { intent: Intent; at: number }[]): boolean {
  if (!present.every((entry) => entry.intent === "list" || entry.intent === "events")) return false;
  const events = present.find((entry) => entry.intent === "events");
  if (!events) return false;
  const listed = parsed.targets.filter((target) => target.kind !== "events" && target.at < events.at);
  return (
    listed.length > 0 &&
    listed.every(
      (target) => !target.name && parsed.conjunctions.some((at) => at > target.at && at < events.at),
    )
  );
}

/** A list of failed or pending things other than pods has no field selector: the diagnosis finds them. */
function refine(parsed: ParsedQuestion, intent: Intent): Intent {
  if (intent !== "list" || parsed.targets.length === 0) return intent;
  const troubled = parsed.phases.some((phase) => /Pending|Failed|!=Running/.test(phase));
  const anyPods = parsed.targets.some((target) => target.kind === "pods");
  return troubled && !anyPods ? "diagnose" : intent;
}
