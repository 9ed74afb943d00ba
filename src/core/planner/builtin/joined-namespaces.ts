import type { ToolCall } from "../../answer.js";
import type { ClusterNames, Plan } from "../../ports.js";
import { withoutDuplicates } from "./build-calls.js";

// What may stand between two namespaces of one list: "shop and payments", "edge or warehouse", "shop vs payments",
// "shop/payments", warehouse 和 edge, edge、warehouse, shop 还是 payments.
const JOINER =
  /^(?:\s*(?:,|&|\/|and|or|vs\.?|versus|plus|and also|as well as)\s*|\s*(?:、|，|和|与|跟|及|以及|或|或者|还是)\s*)$/i;
/** How the planner notes the words it could not place (builtin-planner.ts writes it, this file edits it). */
export const NOT_UNDERSTOOD = "Not understood: ";
const MAX_CALLS = 8;
// What one word the planner could not place costs a plan (builtin-planner.ts), given back when it is placed here.
const UNPLACED_COST = 0.4;

/**
 * "any warnings in edge or warehouse", warehouse 和 edge 各有几个 pod: a plan that reads one namespace of a list
 * the question joins asks the same of each namespace of the list, in the order said. A list is two or more names
 * the cluster knows as namespaces with only a joiner between them.
 */
export function withJoinedNamespaces(plan: Plan, text: string, names: ClusterNames | undefined): Plan {
  if (!names || plan.refusal || plan.calls.length === 0) return plan;
  const list = joinedNamespaceList(text, names);
  if (list.length < 2) return plan;
  const used = new Set(plan.calls.map((call) => call.args.namespace).filter((ns) => typeof ns === "string"));
  const template = list.find((namespace) => used.has(namespace));
  const missing = list.filter((namespace) => !used.has(namespace));
  if (template === undefined || missing.length === 0) return plan;
  // edge、warehouse 的事件: a listed namespace read as the object's name is the list's, not an object's.
  const unnamed = plan.calls.map((call) => withoutNamespaceAsName(call, list, names));
  const copies = missing.flatMap((namespace) =>
    unnamed
      .filter((call) => call.args.namespace === template)
      .map((call) => ({ ...call, args: { ...call.args, namespace } })),
  );
  const calls = inListOrder([...unnamed, ...copies], list).slice(0, MAX_CALLS);
  return placedWords({ ...plan, calls }, missing);
}

/** The longest run of known namespaces joined one to the next, in the order the question says them. */
export function joinedNamespaceList(text: string, names: ClusterNames): string[] {
  return joinedList(text, (word) => names.namespaces.has(word));
}

/** The longest run of words that are members (known names of one sort) joined one to the next, in order. */
export function joinedList(text: string, isMember: (word: string) => boolean): string[] {
  const words = [...text.toLowerCase().matchAll(/[a-z0-9][a-z0-9-]*[a-z0-9]|[a-z0-9]/g)];
  let best: string[] = [];
  let run: string[] = [];
  let end = -1;
  for (const match of words) {
    const word = match[0];
    const start = match.index ?? 0;
    if (!isMember(word)) {
      // A joiner spelled as a word ("or", "vs") leaves the list open; any other word ends it.
      if (!JOINER.test(word)) run = [];
      continue;
    }
    const between = text.slice(end, start);
    run = run.length > 0 && JOINER.test(between) && !run.includes(word) ? [...run, word] : [word];
    end = start + word.length;
    if (run.length > best.length) best = run;
  }
  return best;
}

function withoutNamespaceAsName(call: ToolCall, list: readonly string[], names: ClusterNames): ToolCall {
  const { name, ...rest } = call.args;
  if (typeof name !== "string" || !list.includes(name) || names.objects.has(name)) return call;
  return { ...call, args: rest };
}

function inListOrder(calls: readonly ToolCall[], list: readonly string[]): ToolCall[] {
  const position = (call: ToolCall) => {
    const at = list.indexOf(String(call.args.namespace));
    return at < 0 ? list.length : at;
  };
  return withoutDuplicates([...calls].sort((a, b) => position(a) - position(b)));
}

/** The plan no longer says it could not place the namespaces it now reads, and gets back what they cost it. */
function placedWords(plan: Plan, placed: readonly string[]): Plan {
  let restored = 0;
  const notes = (plan.notes ?? []).flatMap((note) => {
    if (!note.startsWith(NOT_UNDERSTOOD)) return [note];
    const words = note.slice(NOT_UNDERSTOOD.length).split(", ");
    const left = words.filter((word) => !placed.includes(word));
    restored += words.length - left.length;
    return left.length > 0 ? [`${NOT_UNDERSTOOD}${left.join(", ")}`] : [];
  });
  const confidence = Number(Math.min(0.95, plan.confidence + UNPLACED_COST * restored).toFixed(2));
  return { ...plan, notes: notes.length > 0 ? notes : undefined, confidence };
}
