import type { ToolCall } from "../../answer.js";
import type { Plan } from "../../ports.js";
import { withoutDuplicates } from "./build-calls.js";
import type { KindLexicon } from "./kind-lexicon.js";

// Where one request may end and the next begin, strongest first: sentences and asides ("list pods in shop, I think
// one is stuck", "what's wrong in shop? also ..."), then "and then", 以及, then plain "and", 和. A cut is only a
// candidate: the parts are used when they stand on their own.
const BREAKS = [
  /[.?!;:]+\s+|[。？！；…]+\s*/,
  /,\s+|\s+[-–—]+\s+|，\s*|\s+(?=(?:we're|we are|we've|we got|we have|we think|we suspect|we see|we saw|we noticed|i think|i guess|i suspect|i see|i saw|i noticed|looks like|seems like)\s)/i,
  /\s+(?:and\s+)?then\s+|\s+as well as\s+|\s+plus\s+|以及|然后|并且|还有|同时/i,
  /\s+and\s+(?:also\s+)?|\s+&\s+|和/i,
];
// What opens a part and joins it to the one before: "..., then show", "？also show", "，然后查看".
const LEADING_JOIN =
  /^(?:(?:and|then|also|plus|so|next)\b[\s,]*)+|^(?:然后|接着|再|以及|并且|还有|同时|另外|顺便)+/i;
// Words of a remark about what the user saw or thinks, not of a request.
const NARRATIVE =
  /\b(i|i'm|i've|we|we're|my|our|it|it's|they|they're|users?|customers?|people|someone|think|seems?|feels?|looks?|suspect|guess|maybe|probably|keeps|kept|still|again)\b|我|觉得|好像|似乎|感觉|可能|怀疑|用户|客户/i;
// Words that ask for the overview by name ("cluster overview plus ...", 集群概况以及...), unlike a vague remark.
const OVERVIEW_WORDS =
  /\b(overview|summary|cluster info|cluster-info)\b|概况|概览|总览|全貌|整体情况|集群信息/i;
const MAX_PARTS = 4;
const MAX_CALLS = 8;
// A part planned with at most a small guess (a bare namespace read as one) and nothing left unexplained.
const CONFIDENT = 0.85;
// Tools a clause without a verb of its own takes from the clause before it ("describe pod a in x and pod b in y").
const INHERITED = new Set(["describe_resource", "get_manifest", "diagnose"]);

export interface PartPlan {
  plan: Plan;
  /** The part said what to do; "pod api-0 in payments" only names objects. */
  asked: boolean;
  /** Names completed from the cluster's names (name-completion.ts), which the finished plan says it guessed. */
  guessed: string[];
  /** The words the planner could not place, as its note names them. */
  unread?: string[];
}
type PlanPart = (text: string) => PartPlan;

/**
 * A question of several requests, each complete on its own ("events in shop and pods in payments",
 * shop的事件和payments的pod), or one request among asides the planner cannot read ("list pods in shop, I think one
 * is stuck"). Undefined when the question reads best as a whole.
 */
export function planInParts(
  text: string,
  whole: Plan,
  planPart: PlanPart,
  lexicon: KindLexicon,
): { plan: Plan; guessed: string[] } | undefined {
  for (const separator of BREAKS) {
    const texts = cut(text, separator);
    if (texts.length < 2) continue;
    const parts: PartPlan[] = [];
    for (const [index, part] of texts.entries()) {
      if (index > 0) texts[index] = namingPreviousNode(part, parts[index - 1].plan);
      parts.push(planPart(texts[index]));
    }
    const requests = parts.filter((part, index) =>
      isRequest(part, whole, lexicon, texts[index], waitsForScope(text, whole, parts, texts, index)),
    );
    if (requests.length === 0) continue;
    // An aside is a remark the planner cannot read ("customers are complaining", 我觉得卡住了); an unread part
    // without one ("pods in shop, payments and default") may still say where, so the whole reading stands.
    const asides = parts.filter(
      (part, index) => part.plan.confidence < CONFIDENT && NARRATIVE.test(texts[index]),
    );
    if (requests.length + asides.length !== parts.length) continue;
    const confidence = Math.min(...requests.map((part) => part.plan.confidence));
    // Asides are dropped only when they cost the whole reading its confidence.
    if (asides.length > 0 && confidence <= whole.confidence) continue;
    const calls = withoutDuplicates(inheritVerbs(requests));
    return {
      plan: { calls: calls.slice(0, MAX_CALLS), refusal: null, confidence, planner: whole.planner },
      guessed: requests.flatMap((part) => part.guessed),
    };
  }
  return undefined;
}

/**
 * A part that plans confidently on its own scope, or, when the question says no scope at all, a part with its own verb
 * and kind (节点CPU使用情况，同时查看pod的内存使用情况). The cluster overview is also what vague remarks read as ("it was
 * fine yesterday"), so a part that only asks for it counts when the whole question asked for it too.
 */
function isRequest(
  part: PartPlan,
  whole: Plan,
  lexicon: KindLexicon,
  text: string,
  shared: boolean,
): boolean {
  const { plan } = part;
  const overviewOnly = plan.calls.every((call) => call.tool === "cluster_overview");
  const overviewAsked =
    whole.calls.some((call) => call.tool === "cluster_overview") || OVERVIEW_WORDS.test(text);
  if (overviewOnly && !overviewAsked) return false;
  if (isSubjectOfWhole(plan, whole, text)) return false;
  const complete = standsAlone(plan.calls, lexicon) || (!shared && part.asked && namesItsKind(plan.calls));
  return plan.refusal === null && plan.confidence >= CONFIDENT && complete;
}

// Verbs that ask for a listing outright, as "which" and 哪些 do not.
const LIST_VERB = /\b(list|show|get|display|give|fetch|print)\b|列出|列一下|查看|显示|获取|展示|给我/i;

/**
 * "which nodes and pods use the most cpu": a bare "which nodes" is the subject of the verb that follows, as the whole
 * reading shows by putting its kind in another tool's call.
 */
function isSubjectOfWhole(plan: Plan, whole: Plan, text: string): boolean {
  if (LIST_VERB.test(text)) return false;
  return plan.calls.every(
    (call) =>
      call.tool === "get_resources" &&
      Object.keys(call.args).every((key) => key === "kind") &&
      whole.calls.some((other) => other.tool !== "get_resources" && other.args.kind === call.args.kind),
  );
}

/** A part is whole when each call says what it is about ("pod的内存使用", "pod web-1的日志"); a bare "why?" is not. */
function namesItsKind(calls: readonly ToolCall[]): boolean {
  return (
    calls.length > 0 &&
    calls.every(
      (call) =>
        call.tool === "cluster_overview" ||
        typeof call.args.kind === "string" ||
        (call.tool === "get_pod_logs" && typeof call.args.name === "string"),
    )
  );
}

/**
 * Whether a part may take its scope from elsewhere. Parts that each carry their own verb stand alone when no scope
 * is said anywhere (节点CPU…，同时查看pod的内存…), and in Chinese, where a scope comes before what it scopes, when
 * none is said before them (查看pod kafka-0的日志以及kafka命名空间的警告事件).
 */
function waitsForScope(
  text: string,
  whole: Plan,
  parts: readonly PartPlan[],
  texts: readonly string[],
  index: number,
): boolean {
  if (!parts.every((part) => part.asked)) return true;
  if (!hasScope(whole.calls)) return false;
  if (!CHINESE.test(text) || parts.slice(0, index).some((part) => hasScope(part.plan.calls))) return true;
  return parts.some((part, later) => later > index && scopeTrails(texts[later], part.plan.calls));
}

const CHINESE = /[\u4e00-\u9fff]/;
// What may follow a namespace that closes a clause: 事件，命名空间shop / 在shop命名空间中 say where for everything.
const SCOPE_TAIL = /命名空间|名字空间|空间|namespace|里面|之中|[中里下内的]|[\s,，。？?！!]/gi;
const ALL_TAIL = /(所有|全部)的?(命名空间|namespaces?)[中里下内]?[\s,，。？?！!]*$/i;

/** A part whose namespace comes last, after what it asks for ("事件，命名空间shop"): an add-on for the whole question. */
function scopeTrails(text: string, calls: readonly ToolCall[]): boolean {
  const lower = text.toLowerCase();
  if (ALL_TAIL.test(lower)) return true;
  return calls.some((call) => {
    const namespace = call.args.namespace;
    if (typeof namespace !== "string") return false;
    const at = lower.lastIndexOf(namespace.toLowerCase());
    return at >= 0 && lower.slice(at + namespace.length).replace(SCOPE_TAIL, "") === "";
  });
}

/** "describe node worker-1 and list the pods on it", 它上面跑的pod: the pronoun is the node the part before named. */
function namingPreviousNode(text: string, previous: Plan): string {
  const node = previous.calls.find((call) => call.args.kind === "nodes" && typeof call.args.name === "string")
    ?.args.name;
  if (typeof node !== "string") return text;
  return text
    .replace(/(它|该节点|这个节点|那个节点)(?=上)/g, `节点${node}`)
    .replace(/\bon (it|that node|this node|the node|the same node)\b/gi, `on node ${node}`);
}

/** Whether the question names a scope its parts could share; with none said anywhere, no part waits for one. */
function hasScope(calls: readonly ToolCall[]): boolean {
  return calls.some(
    (call) =>
      call.args.namespace !== undefined ||
      call.args.all_namespaces === true ||
      call.args.label_selector !== undefined,
  );
}

/** The text cut at a break; a single part when there is nothing to cut or too much. */
function cut(text: string, separator: RegExp): string[] {
  const parts = text
    .split(new RegExp(separator.source, `g${separator.flags}`))
    .map((part) => part.trim().replace(LEADING_JOIN, "").trim())
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

/** "describe deployment web in shop and statefulset db in data": the verb-less clause is described too. */
function inheritVerbs(parts: readonly PartPlan[]): ToolCall[] {
  let verb: string | undefined;
  let last: ToolCall | undefined;
  return parts.flatMap((part) => {
    if (part.asked) {
      last = part.plan.calls.at(-1);
      verb = last?.tool;
      return part.plan.calls;
    }
    return part.plan.calls.map((call) => {
      if (last?.tool === "top" && isMeasuredList(call)) {
        // "memory of nodes and pods in shop": the verb-less pods are measured the same way.
        return { tool: "top", args: { ...call.args, sort_by: last.args.sort_by } };
      }
      const { kind, name, namespace, all_namespaces } = call.args;
      const plain = Object.keys(call.args).every((key) => ["kind", "name", "namespace"].includes(key));
      if (!verb || !INHERITED.has(verb) || call.tool !== "get_resources" || !plain || name === undefined)
        return call;
      return { tool: verb, args: { kind, name, namespace, all_namespaces } };
    });
  });
}

/** A plain list of nodes or pods, the kinds top measures. */
function isMeasuredList(call: ToolCall): boolean {
  const { kind } = call.args;
  const plain = Object.keys(call.args).every((key) => ["kind", "namespace", "all_namespaces"].includes(key));
  return call.tool === "get_resources" && plain && (kind === "nodes" || kind === "pods");
}
