import type { Answer, ObjectRef } from "../answer.js";
import type { Question } from "../question.js";

/** What a follow-up inherits from one earlier answer. */
export interface ConversationTurn {
  /** The question as it was answered (a follow-up's rewritten form). */
  question: string;
  language: "en" | "zh";
  /** The scope's cluster (undefined: the default one); a turn of another cluster is never used. */
  cluster?: string;
  namespace?: string;
  /** The object the answer was about, when it was about one. */
  focus?: ObjectRef;
  /** Objects the answer showed, unhealthy ones first (for "the other pod"). */
  objects: ObjectRef[];
  /** The answer's first line, for the LLM's summary of earlier turns. */
  summary: string;
  /** Milliseconds since the epoch. */
  at: number;
}

const MAX_OBJECTS = 20;
const MAX_SUMMARY_CHARS = 300;

/** `pods` → `pod`, `ingresses` → `ingress`, `Pod` → `pod`: the word a rewritten question uses. */
export function singularKind(kind: string): string {
  const lower = kind.toLowerCase();
  if (/(ss|x|ch|sh)es$/.test(lower)) return lower.slice(0, -2);
  if (lower.endsWith("ies")) return `${lower.slice(0, -3)}y`;
  if (lower.endsWith("s") && !lower.endsWith("ss")) return lower.slice(0, -1);
  return lower;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

/** The kind a call was about: logs are always of a pod. */
function callKind(tool: string, args: Record<string, unknown>): string | undefined {
  if (tool === "get_pod_logs") return "pod";
  const kind = text(args.kind);
  return kind ? singularKind(kind) : undefined;
}

function sameObject(a: ObjectRef, b: ObjectRef): boolean {
  return a.kind === b.kind && a.name === b.name && a.namespace === b.namespace;
}

/** The objects an answer was about or showed, most relevant first: findings, named calls, unhealthy rows, rows. */
function answerObjects(answer: Answer): { focus?: ObjectRef; objects: ObjectRef[] } {
  const found: ObjectRef[] = [];
  const add = (ref: ObjectRef) => {
    if (!found.some((seen) => sameObject(seen, ref))) found.push(ref);
  };
  for (const part of answer.parts) {
    if (part.type !== "findings") continue;
    for (const finding of part.findings) {
      const { kind, name, namespace } = finding.object;
      add({ kind: singularKind(kind), name, namespace: namespace ?? answer.namespace });
    }
  }
  for (const call of answer.calls) {
    const kind = callKind(call.tool, call.args);
    const name = text(call.args.name);
    if (kind && name) add({ kind, name, namespace: text(call.args.namespace) ?? answer.namespace });
  }
  const focus = found[0];
  const listing = answer.calls.find((call) => call.tool === "get_resources");
  const rowKind = listing ? callKind(listing.tool, listing.args) : undefined;
  for (const part of answer.parts) {
    if (part.type !== "table" || part.nameColumn === undefined || !rowKind) continue;
    const column = part.nameColumn;
    const unhealthy = new Set(part.unhealthyRows ?? []);
    const order = [...unhealthy, ...part.rows.map((_, row) => row).filter((row) => !unhealthy.has(row))];
    const namespaceColumn = part.columns.findIndex((column) => column.toUpperCase() === "NAMESPACE");
    for (const row of order) {
      const name = text(part.rows[row]?.[column]);
      const namespace = namespaceColumn >= 0 ? text(part.rows[row]?.[namespaceColumn]) : answer.namespace;
      if (name) add({ kind: rowKind, name, namespace });
      if (found.length >= MAX_OBJECTS) break;
    }
  }
  return { focus, objects: found.slice(0, MAX_OBJECTS) };
}

/** The turn a follow-up will read, or undefined for an answer that was refused or failed. */
export function turnFromAnswer(question: Question, answer: Answer, at: number): ConversationTurn | undefined {
  if (answer.refusal || answer.error) return undefined;
  const { focus, objects } = answerObjects(answer);
  const namespace =
    answer.namespace ??
    focus?.namespace ??
    answer.calls.map((call) => text(call.args.namespace)).find(Boolean);
  return {
    question: answer.question || question.text,
    language: answer.language,
    cluster: question.scope.cluster,
    namespace,
    focus,
    objects,
    summary: answer.summary.slice(0, MAX_SUMMARY_CHARS),
    at,
  };
}
