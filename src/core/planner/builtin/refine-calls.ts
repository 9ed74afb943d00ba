import type { ToolCall } from "../../answer.js";
import { attributeCall, serviceMeansWorkload } from "./attribute-calls.js";
import { toSimplified } from "./chinese-forms.js";
import { countCalls } from "./count-calls.js";
import { fieldsOfEach } from "./kind-members.js";
import { objectBesideNode, objectGivenAsNode } from "./object-and-node.js";
import { policyObjectCall } from "./policy-object-calls.js";
import {
  ASKS_FOR_ROWS,
  askedFields,
  CHANGES,
  ROLLOUT,
  SORT_BY_AGE,
  SORT_BY_RESTARTS,
  UNHEALTHY,
} from "./question-asks.js";
import type { ParsedQuestion } from "./reading.js";
import { scalingLimitCall } from "./scaling-limit.js";
import { withSecondObjectAsked } from "./second-object.js";
import { serviceBackingCalls } from "./service-backing.js";
import { situationCalls } from "./situation-calls.js";

const WORKLOADS = new Set(["deployments", "statefulsets", "daemonsets"]);
const SPREAD =
  /\b(?:on|across|over) (?:different|separate|distinct|the same|same|multiple|several) (?:nodes?|machines?|hosts?)\b|\bspread (?:across|over|out)\b|\bsame node\b|同一[个台]?\s*(?:节点|node|机器)|不同(?:的)?\s*(?:节点|node|机器)|分布在/;
const RESTARTS_ASKED =
  /\brestarts\b|\brestart counts?\b|\brestarted (?:how many|\d+) times\b|重启(?:了)?(?:多少|几)次|重启次数/;
const SHOWS_CONTENT =
  /^(?!.*(\bget\b|\bkubectl\b|\byaml\b|\bjson\b|\bmanifest\b)).*(\bshow\b|\bdisplay\b|显示|\bwhat(?:'s| is) in\b|\bcontents?\b|\bdata\b|\bkeys?\b|\bvalues?\b|\bsettings?\b|\bconfigured\b|\bset to\b|怎么配|配置了?(?:什么|啥)|里面?(?:是|有|写|配)|内容|值|设置)/;
const NODE_ALLOCATION =
  /\brequest(?:ed|s)?\b|\ballocat\w*|\bcapacity\b|\blimits?\b|\bcommitted\b|\bhow much (?:cpu|memory|mem|ram) does \S+ have\b|请求|分配|容量|超卖|有多少(?!.*(?:用|占))/;
const SCOPE_KEYS = ["namespace", "all_namespaces"] as const;

/**
 * The second edition's tools and arguments from what the question asks (question-asks.ts): `fields` on one object,
 * `unhealthy` and `sort_by` on lists, `rollout_status`, `recent_changes`, `since_seconds` on time windows.
 * `calls` have their names completed already (name-completion.ts); `written` are the same calls as the grammar read them.
 */
export function refineCalls(
  text: string,
  parsed: ParsedQuestion,
  calls: ToolCall[],
  written: ToolCall[] = calls,
): ToolCall[] {
  // The objects' own names, as completed and as written, hold no question ("describe deployment changes", node
  // ip-10-0-1-5).
  const lower = [...calls, ...written].reduce(
    (result, call) => withoutNames(result, call),
    toSimplified(text).toLowerCase(),
  );
  // "why did the rollout fail": a diagnosis, which checks stuck rollouts too.
  const why = /\bwhy\b|为什么|为啥/.test(lower);
  const rollout = why ? undefined : rolloutCall(lower, text.toLowerCase(), parsed, calls);
  if (rollout) return [rollout];
  const limit = scalingLimitCall(toSimplified(text).toLowerCase(), parsed, calls);
  // "pod count, how many ready, and is the hpa at max": the other parts stay asked.
  if (limit)
    return [
      ...calls.filter((call) => call.args.kind !== "horizontalpodautoscalers" && calls.length > 1),
      limit,
    ];
  const backing = serviceBackingCalls(toSimplified(text).toLowerCase(), parsed, calls);
  if (backing) return backing;
  const situation = situationCalls(lower, parsed, calls, toSimplified(text).toLowerCase());
  if (situation) return situation;
  const policyObject = policyObjectCall(lower, parsed, calls);
  if (policyObject) return [policyObject];
  // "picker 最近有啥 change? replicas 变了吗": a change to an attribute is a change.
  const changes = asksForChanges(lower, parsed) && !calls.some((call) => call.tool === "get_pod_logs");
  if (changes) return [changesCall(parsed, calls)];
  const attribute = attributeCall(lower, parsed, calls);
  // "ledger OOMKilled again? what's the limit": the limit asked, beside the diagnosis the trouble asks for.
  const [diagnosis] = calls;
  const asksLimits = (attribute?.args.fields as string[] | undefined)?.includes("resources");
  if (attribute && asksLimits && calls.length === 1 && diagnosis.tool === "diagnose")
    return [diagnosis, attribute];
  if (attribute) return namespaceAddressCalls(attribute) ?? [attribute];
  const pending = pendingThingsCalls(lower, calls);
  if (pending) return pending;
  // "restarts across the cluster, highest first": restarts are counted on pods, whether or not pods were said.
  // "did anything restart in the last 15 minutes?": restarts with their times are changes.
  if (calls.length === 0 && parsed.sinceSeconds && /\brestart(ed|s|ing)?\b|重启/.test(lower))
    return [
      {
        tool: "recent_changes",
        args: { kind: "pods", ...parsedScope(parsed), since_seconds: parsed.sinceSeconds },
      },
    ];
  if (calls.length === 0 && SORT_BY_RESTARTS.test(lower))
    return [{ tool: "get_resources", args: { kind: "pods", ...parsedScope(parsed), sort_by: "restarts" } }];
  const beside = objectBesideNode(toSimplified(text).toLowerCase(), parsed, calls);
  if (beside) return beside;
  const eachDescribed = fieldsOfEach(lower, parsed.known, calls);
  if (eachDescribed) return eachDescribed;
  const nodeOfObject = objectGivenAsNode(parsed, calls);
  if (nodeOfObject) return nodeOfObject;
  return countCalls(
    lower,
    withSecondObjectAsked(
      toSimplified(text).toLowerCase(),
      parsed,
      withoutNodeListBesidePods(lower, calls).map((call) => refineOne(lower, parsed, call)),
    ),
  );
}

/** "what changed", 最近有什么变更; "what happened" only over a time window ("in the last hour"), else events. */
function asksForChanges(text: string, parsed: ParsedQuestion): boolean {
  // "last 2 hours 有什么 change": the bare word is a change once a window is said.
  const windowed = parsed.sinceSeconds !== undefined && /\bchanges?\b/.test(text);
  if (!CHANGES.test(text) && !windowed) return false;
  const happened = /\bwhat happened\b|发生了什么/.test(text) && !/changed|change|变更|改动|变化/.test(text);
  return !happened || parsed.sinceSeconds !== undefined;
}

/** The question without the call's object and namespace names ("ip-10-0-1-5" holds no question about an IP). */
function withoutNames(text: string, call: ToolCall): string {
  let result = text;
  for (const key of ["name", "namespace"]) {
    const value = call.args[key];
    if (typeof value === "string" && value.length > 0) result = result.split(value.toLowerCase()).join(" ");
  }
  return result;
}

function parsedScope(parsed: ParsedQuestion): Record<string, unknown> {
  if (parsed.namespace) return { namespace: parsed.namespace };
  return parsed.allNamespaces || parsed.cluster ? { all_namespaces: true } : {};
}

function refineOne(text: string, parsed: ParsedQuestion, call: ToolCall): ToolCall {
  const args = call.args;
  if (call.tool === "get_events" && parsed.sinceSeconds)
    return withArgs(call, { since_seconds: parsed.sinceSeconds });
  const fields = askedFields(text);
  const named = typeof args.name === "string";
  if (fields.length > 0 && named && (call.tool === "describe_resource" || call.tool === "get_resources")) {
    // "which node is X on": X is a pod (a node is not on a node).
    const said = fields.includes("node") && args.kind === "nodes" ? "pods" : (args.kind as string);
    // "the pod IP of the api-gateway pod": a pod said out loud stays a pod.
    const podSaid = said === "pods" && /\bpods?\b|容器组/.test(text);
    const kind = podSaid ? "pods" : objectKind(parsed, args.name as string, said, fields);
    // "which node is the control plane": the object is itself the node asked for.
    const asked = kind === "nodes" ? fields.filter((field) => field !== "node") : fields;
    return {
      tool: "describe_resource",
      args: { kind, name: args.name, ...scopeOf(args), ...(asked.length > 0 ? { fields: asked } : {}) },
    };
  }
  // "are the checkout pods on different nodes?": where each pod runs is in the pods' list.
  if (named && SPREAD.test(text) && (call.tool === "diagnose" || call.tool === "get_resources"))
    return { tool: "get_resources", args: { kind: "pods", name: args.name, ...scopeOf(args) } };
  // "how many restarts has the api gateway racked up": restarts are counted on the workload's pods.
  if (
    call.tool === "get_resources" &&
    named &&
    WORKLOADS.has(args.kind as string) &&
    RESTARTS_ASKED.test(text)
  )
    return withArgs(call, { kind: "pods" });
  // "how much cpu is requested on demo-worker-1": what a node has promised is in its description, not in usage.
  if (call.tool === "top" && parsed.nodeName && NODE_ALLOCATION.test(text))
    return { tool: "describe_resource", args: { kind: "nodes", name: parsed.nodeName } };
  if (fields.includes("resources") && call.tool === "top" && parsed.names.length + parsed.loose.length > 0) {
    // "memory limits of ledger": a limit is in the spec, not in the usage metrics.
    const name = parsed.names[0]?.name ?? parsed.targets.find((target) => target.name)?.name;
    if (name)
      return {
        tool: "describe_resource",
        args: { kind: objectKind(parsed, name, "pods"), name, ...scopeOf(args), fields },
      };
  }
  if (
    /\brestart(ed|s)?\b|重启/.test(text) &&
    parsed.sinceSeconds &&
    !SORT_BY_RESTARTS.test(text) &&
    call.tool === "get_resources" &&
    !named
  ) {
    // "which pods restarted in the last hour": restarts with their times are changes.
    return {
      tool: "recent_changes",
      args: { ...scopeOf(args), kind: args.kind, since_seconds: parsed.sinceSeconds },
    };
  }
  // A ConfigMap's row holds only how many keys it has: "show me the X configmap" asks for its data ("get" asks
  // for the row, as kubectl get does).
  if (named && call.tool === "get_resources" && args.kind === "configmaps" && SHOWS_CONTENT.test(text))
    return { tool: "describe_resource", args: { kind: "configmaps", name: args.name, ...scopeOf(args) } };
  if (SORT_BY_RESTARTS.test(text) && !named && (call.tool === "get_resources" || call.tool === "diagnose")) {
    return { tool: "get_resources", args: { kind: "pods", ...scopeOf(args), sort_by: "restarts" } };
  }
  if (SORT_BY_RESTARTS.test(text) && call.tool === "cluster_overview")
    return { tool: "get_resources", args: { kind: "pods", ...parsedScope(parsed), sort_by: "restarts" } };
  if (call.tool === "get_resources" && !named && SORT_BY_AGE.test(text))
    return withArgs(call, { sort_by: "age" });
  // "pods on worker-1 that are not ready": rows on a node are a list too.
  if (UNHEALTHY.test(text) && (ASKS_FOR_ROWS.test(text) || parsed.nodeName)) {
    if (call.tool === "get_resources" && !named && (!args.field_selector || parsed.nodeName))
      return withArgs(call, { unhealthy: true });
    if (call.tool === "diagnose" && typeof args.kind === "string" && !args.name)
      return {
        tool: "get_resources",
        args: { kind: args.kind, ...scopeOf(args), ...onNode(parsed, args.kind), unhealthy: true },
      };
  }
  return call;
}

/** "rollout status deploy/catalog", "is the catalog rollout stuck", "what changed in the last deploy of checkout". */
function rolloutCall(
  text: string,
  written: string,
  parsed: ParsedQuestion,
  calls: ToolCall[],
): ToolCall | undefined {
  if (!ROLLOUT.test(text) || calls.length > 1) return undefined;
  // api-gateway 上一版用的是什么镜像: a question the grammar could not read still names its workload.
  const call = calls[0] ?? { tool: "get_resources", args: {} };
  const name =
    typeof call.args.name === "string"
      ? call.args.name
      : (parsed.names[0]?.name ?? knownWorkloadIn(written, parsed));
  if (!name) return undefined;
  const said =
    typeof call.args.kind === "string" && WORKLOADS.has(call.args.kind) ? call.args.kind : undefined;
  const known = parsed.known?.objects.get(name);
  // "如果要回滚 db-migrate 的 0042 迁移": a Job or CronJob has no rollout; the question is about something else.
  if (!said && known && !known.some((kind) => WORKLOADS.has(kind))) return undefined;
  const kind = said ?? knownWorkloadKind(parsed, name) ?? "deployments";
  return { tool: "rollout_status", args: { kind, name, ...scopeOf(call.args) } };
}

/** "what changed in shop in the last hour", 最近有什么变更: the timeline, in the question's scope and window. */
function changesCall(parsed: ParsedQuestion, calls: ToolCall[]): ToolCall {
  const first = calls[0]?.args ?? {};
  const scope = calls.length > 0 ? scopeOf(first) : namespaceOf(parsed);
  const name = typeof first.name === "string" ? first.name : parsed.names[0]?.name;
  const said = typeof first.kind === "string" && name ? first.kind : undefined;
  // "api-gateway 最近改了什么": the workload's changes (its revisions and its pods'), not only its pods' restarts.
  // "was the edge/api scale-up done by kubectl or the HPA": a kind the named object is not is no filter on it.
  const known = name ? parsed.known?.objects.get(name) : undefined;
  const mismatched = said !== undefined && said !== "pods" && known !== undefined && !known.includes(said);
  const kind = (said === "pods" && name && knownWorkloadKind(parsed, name)) || mismatched ? undefined : said;
  return {
    tool: "recent_changes",
    args: compact({ ...scope, kind, name, since_seconds: parsed.sinceSeconds }),
  };
}

/** A name the cluster knows as one workload kind: that kind, else what the question said. */
function objectKind(parsed: ParsedQuestion, name: string, said: string, fields: string[] = []): string {
  const kinds = parsed.known?.objects.get(name) ?? [];
  if (said !== "pods" && !serviceMeansWorkload(said, kinds, fields)) return said;
  return kinds.find((kind) => kind !== "services") ?? said;
}

function knownWorkloadIn(text: string, parsed: ParsedQuestion): string | undefined {
  return [...text.matchAll(/[a-z0-9][a-z0-9.-]*[a-z0-9]/g)]
    .map((match) => match[0])
    .find((word) => knownWorkloadKind(parsed, word) !== undefined);
}

function knownWorkloadKind(parsed: ParsedQuestion, name: string): string | undefined {
  return parsed.known?.objects.get(name)?.find((kind) => WORKLOADS.has(kind));
}

/** Pods on the node the question names, in every namespace unless it named one. */
function onNode(parsed: ParsedQuestion, kind: string): Record<string, unknown> {
  if (!parsed.nodeName || kind !== "pods") return {};
  return {
    ...(parsed.namespace ? {} : { all_namespaces: true }),
    field_selector: `spec.nodeName=${parsed.nodeName}`,
  };
}

function scopeOf(args: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    SCOPE_KEYS.filter((key) => args[key] !== undefined).map((key) => [key, args[key]]),
  );
}

function namespaceOf(parsed: ParsedQuestion): Record<string, unknown> {
  if (parsed.allNamespaces) return { all_namespaces: true };
  return parsed.namespace ? { namespace: parsed.namespace } : {};
}

/** "are the checkout pods on different nodes?": the pods' list names their nodes; a list of every node adds nothing. */
function withoutNodeListBesidePods(text: string, calls: ToolCall[]): ToolCall[] {
  if (!SPREAD.test(text) || !calls.some((call) => typeof call.args.name === "string")) return calls;
  return calls.filter(
    (call) => !(call.tool === "get_resources" && call.args.kind === "nodes" && !call.args.name),
  );
}

function withArgs(call: ToolCall, extra: Record<string, unknown>): ToolCall {
  return { ...call, args: { ...call.args, ...extra } };
}

function compact(args: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(args).filter(([, value]) => value !== undefined));
}

/**
 * "what's the external IP of the shop": a namespace has no address; its Ingresses and Services do (the ingress
 * ADDRESS, a LoadBalancer's EXTERNAL-IP).
 */
function namespaceAddressCalls(call: ToolCall): ToolCall[] | undefined {
  const { kind, name, fields } = call.args;
  if (kind !== "namespaces" || typeof name !== "string" || !(fields as string[] | undefined)?.includes("ip"))
    return undefined;
  return ["ingresses", "services"].map((listed) => ({
    tool: "get_resources",
    args: { kind: listed, namespace: name },
  }));
}

const PENDING_PODS = "status.phase=Pending";
// "anything pending in data", 有没有 pending 的东西: things, not pods, were asked about.
const THINGS = /\b(?:anything|something|stuff|things)\b|东西/;
const PODS_SAID = /\bpods?\b|\bpo\b|容器组|实例/;

/** Pending things are the pods waiting to be scheduled and the claims waiting for a volume. */
function pendingThingsCalls(text: string, calls: ToolCall[]): ToolCall[] | undefined {
  const [call] = calls;
  if (calls.length !== 1 || call.tool !== "get_resources" || call.args.kind !== "pods") return undefined;
  const { field_selector, name, kind: _, ...scope } = call.args;
  if (field_selector !== PENDING_PODS || name !== undefined || !THINGS.test(text) || PODS_SAID.test(text))
    return undefined;
  return [
    call,
    { tool: "get_resources", args: { kind: "persistentvolumeclaims", ...scope, unhealthy: true } },
  ];
}
