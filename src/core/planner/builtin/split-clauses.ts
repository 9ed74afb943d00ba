import type { ToolCall } from "../../answer.js";
import type { Plan } from "../../ports.js";
import type { KindLexicon } from "./kind-lexicon.js";

// Where one request ends and the next begins: "events in shop and pods in payments", "diagnose shop, then ...",
// shop的事件和payments的pod. A cut is only a candidate: the parts are used when each stands on its own.
const CLAUSE_BREAK =
  /\s*,\s*(?:and\s+)?then\s+|\s*;\s*|\s+and\s+then\s+|\s+and\s+(?:also\s+)?|\s+then\s+|\s+&\s+|\s+as well as\s+|\s+plus\s+|以及|然后|并且|还有|同时|；|和/i;
// Sentence and aside breaks: "list pods in shop, I think one is stuck", "what's wrong in payments? users complain".
// ASCII marks need a space after them, so names such as widgets.example.com stay whole.
const SENTENCE_BREAK = /[,.?!;:]+\s+|\s+[-–—]+\s+|[，。？！；：…]+\s*/;
const MAX_PARTS = 4;
const MAX_CALLS = 8;
// A part planned with at most a small guess (a bare namespace read as one) and nothing left unexplained.
const CONFIDENT = 0.85;

type PlanPart = (text: string) => Plan;

/** "events in shop and pods in payments": clauses that each plan confidently on their own scope are each a request. */
export function planByClause(
  text: string,
  whole: Plan,
  planPart: PlanPart,
  lexicon: KindLexicon,
): Plan | undefined {
  const clauses = cut(text, CLAUSE_BREAK);
  if (clauses.length < 2) return undefined;
  const parts = clauses.map(planPart);
  const separate = parts.every(
    (part) => part.refusal === null && part.confidence >= CONFIDENT && standsAlone(part.calls, lexicon),
  );
  if (!separate) return undefined;
  const calls = keepVerbs(whole.calls, withoutRepeats(parts.flatMap((part) => part.calls)));
  return {
    calls: calls.slice(0, MAX_CALLS),
    refusal: null,
    confidence: Math.min(...parts.map((part) => part.confidence)),
    planner: whole.planner,
  };
}

/**
 * "list pods in shop, I think one is stuck": when one sentence is a complete request and the others are not
 * understood as requests at all, the others are context (how the user feels, what they saw) and add no call.
 */
export function planBySentence(
  text: string,
  whole: Plan,
  planPart: PlanPart,
  lexicon: KindLexicon,
): Plan | undefined {
  const sentences = cut(text, SENTENCE_BREAK);
  if (sentences.length < 2) return undefined;
  const requests = sentences.map(planPart).filter((part) => part.confidence >= CONFIDENT);
  const [request] = requests;
  if (requests.length !== 1 || !standsAlone(request.calls, lexicon)) return undefined;
  return request.confidence > whole.confidence ? request : undefined;
}

/** The text cut at a break; a single part when there is nothing to cut or too much. */
function cut(text: string, separator: RegExp): string[] {
  const parts = text
    .split(new RegExp(separator.source, `g${separator.flags}`))
    .map((part) => part.trim())
    .filter((part) => part !== "");
  return parts.length >= 2 && parts.length <= MAX_PARTS ? parts : [text];
}

/**
 * A part's calls stand on their own when nothing in them waits for a scope said elsewhere: each names its
 * namespace or every namespace, or asks about something cluster-wide. "pods" in "pods and services in shop" and
 * "logs of web-1" in "logs of web-1 and events of web-1 in shop" wait, so those questions keep their shared scope.
 */
function standsAlone(calls: readonly ToolCall[], lexicon: KindLexicon): boolean {
  return (
    calls.length > 0 &&
    calls.every((call) => {
      const args = call.args;
      if (call.tool === "cluster_overview") return true;
      if (args.namespace !== undefined || args.all_namespaces === true) return true;
      const kind = typeof args.kind === "string" ? args.kind : undefined;
      return kind !== undefined && call.tool !== "get_events" && !lexicon.isNamespaced(kind);
    })
  );
}

/**
 * "describe deployment web in shop and statefulset db in data": a clause without a verb of its own plans as a list,
 * yet the question's verb covers it. When the whole reading found the same objects, its tools stand; the clauses
 * keep their own scopes.
 */
function keepVerbs(whole: readonly ToolCall[], separate: ToolCall[]): ToolCall[] {
  const sameObjects =
    whole.length === separate.length &&
    whole.every(
      (call, index) =>
        call.args.kind === separate[index].args.kind && call.args.name === separate[index].args.name,
    );
  return sameObjects
    ? whole.map((call, index) => ({ tool: call.tool, args: separate[index].args }))
    : separate;
}

function withoutRepeats(calls: readonly ToolCall[]): ToolCall[] {
  const seen = new Set<string>();
  return calls.filter((call) => {
    const key = JSON.stringify(call);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
