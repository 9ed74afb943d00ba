import type { ToolCall } from "../../answer.js";
import { bindClauses } from "./bind-clauses.js";
import { checkPlacesAgainstNames } from "./known-names.js";
import { EVERY_NAMESPACE, type ParsedQuestion, type Target } from "./reading.js";
import { resolveLooseWords } from "./resolve-loose.js";
import { compact, diagnoseCalls, eventsCall, podScopeArgs, scopeArgs, topCalls } from "./signal-calls.js";
import type { Intent } from "./vocabulary.js";

/** The calls for the chosen intents, and how much guessing went into them (each guess lowers confidence). */
export interface BuiltCalls {
  calls: ToolCall[];
  guesses: number;
}

const OBJECT_INTENTS = new Set<Intent>(["describe", "manifest"]);

export function buildCalls(parsed: ParsedQuestion, intents: Intent[]): BuiltCalls {
  const placement = placementCall(parsed, intents);
  if (placement) return { calls: [placement], guesses: 0.5 };
  const state = { guesses: 0 };
  useNamespaceObject(parsed, intents[0]);
  state.guesses += checkPlacesAgainstNames(parsed);
  state.guesses += resolveLooseWords(parsed, intents[0]);
  bindClauses(parsed);
  const scopes = inOrderSaid(parsed, [parsed.namespace, ...parsed.moreNamespaces]);
  // Kinds listed beside events ("pods and events in shop") are not what the events are about.
  const listedBeside = intents.includes("list") && intents.includes("events");
  const calls = scopes.flatMap((namespace) =>
    intents.flatMap((intent) => {
      const targets =
        intent === "events" && listedBeside ? parsed.targets.filter((target) => target.name) : parsed.targets;
      return callsFor(intent, { ...parsed, namespace, targets }, state);
    }),
  );
  return { calls: withoutDuplicates(calls), guesses: state.guesses };
}

/** "pods in shop, payments and default namespaces": one call per namespace, in the order the user named them. */
function inOrderSaid(parsed: ParsedQuestion, scopes: (string | undefined)[]): (string | undefined)[] {
  const said = [...parsed.namespaceMentions].sort((a, b) => a.at - b.at).flatMap((mention) => mention.values);
  const position = (scope: string | undefined) => {
    const at = scope === undefined ? -1 : said.indexOf(scope);
    return at < 0 ? Number.MAX_SAFE_INTEGER : at;
  };
  return scopes.length < 2 ? scopes : [...scopes].sort((a, b) => position(a) - position(b));
}

/**
 * "which node is pod web-1 on?", pod web-1运行在哪个节点上: a fact of the one named object, which describe shows
 * (a list of every node, or of the pod's row without its NODE column, would not answer it).
 */
function placementCall(parsed: ParsedQuestion, intents: Intent[]): ToolCall | undefined {
  const asked = parsed.targets.find((target) => target.asked && !target.name);
  const named = parsed.targets.filter((target) => target.name && target.kind !== asked?.kind);
  if (!asked || named.length !== 1 || intents.some((intent) => intent !== "list")) return undefined;
  const [target] = named;
  return {
    tool: "describe_resource",
    args: compact({ kind: target.kind, name: target.name, ...scopeArgs(parsed, target.namespaced, false) }),
  };
}

function callsFor(intent: Intent, parsed: ParsedQuestion, state: { guesses: number }): ToolCall[] {
  switch (intent) {
    case "overview":
      return [{ tool: "cluster_overview", args: {} }];
    case "logs":
      return logsCall(parsed, state);
    case "events":
      return [eventsCall(parsed)];
    case "top":
      return topCalls(parsed, state);
    case "diagnose":
      return diagnoseCalls(parsed);
    case "describe":
    case "manifest":
      return namedCalls(intent === "describe" ? "describe_resource" : "get_manifest", parsed, state);
    default:
      return listCalls(parsed, state);
  }
}

/** "namespace kube-system" with nothing else to list: the namespace object ("describe namespace kube-system"). */
function useNamespaceObject(parsed: ParsedQuestion, intent: Intent): void {
  const word = parsed.namespaceWord;
  if (!word || parsed.targets.length > 0 || parsed.names.length > 0 || parsed.loose.length > 0) return;
  // "get namespace shop", "kubectl get ns shop": a list verb right before "namespace X" asks for the object.
  const verbBefore = parsed.intents.some((entry) => entry.at === word.at - 1) && word.nameFollows === true;
  const listed = intent === "list" && (word.form === "all" || parsed.kubectl || verbBefore);
  if (word.form === "all" && listed) {
    parsed.targets.push({ kind: "namespaces", namespaced: false, at: word.at });
  } else if (word.form === "named" && parsed.namespace && (OBJECT_INTENTS.has(intent) || listed)) {
    parsed.targets.push({ kind: "namespaces", namespaced: false, name: parsed.namespace, at: word.at });
    parsed.namespace = undefined;
  }
}

/**
 * kubectl's `all` category in its order, less the kinds outside the catalogue (replicationcontrollers) and
 * horizontalpodautoscalers, which would take the plan past its eight calls.
 */
const KUBECTL_ALL = [
  "pods",
  "services",
  "daemonsets",
  "deployments",
  "replicasets",
  "statefulsets",
  "cronjobs",
  "jobs",
];

function listCalls(parsed: ParsedQuestion, state: { guesses: number }): ToolCall[] {
  let targets = parsed.targets;
  if (targets.length === 0 && parsed.everyKind) {
    targets = KUBECTL_ALL.map((kind) => ({ kind, namespaced: true, at: 0 }));
  } else if (targets.length === 0) {
    if (
      !parsed.nodeName &&
      !parsed.runsSomewhere &&
      parsed.phases.length === 0 &&
      parsed.labelSelectors.length === 0 &&
      parsed.names.length === 0
    )
      return [];
    // "what is running on node x", "what's pending in shop": pods are what runs.
    targets = [{ kind: "pods", namespaced: true, name: parsed.names[0]?.name, at: 0 }];
    state.guesses += parsed.nodeName || parsed.phases.length > 0 ? 0.5 : 2;
  }
  // "the autoscaler status for hpa api": the kind said twice, once with the name, is one object.
  targets = targets.filter(
    (target) => target.name || !targets.some((other) => other.kind === target.kind && other.name),
  );
  return targets.flatMap((target) =>
    inEachNamespace(parsed, target, (parsed) => listCall(parsed, target, state)),
  );
}

/** A target bound to its own clause's namespaces gets a call in each; any other, the question's scope. */
function inEachNamespace(
  parsed: ParsedQuestion,
  target: Target,
  call: (parsed: ParsedQuestion) => ToolCall,
): ToolCall[] {
  if (!target.namespaces) return [call(parsed)];
  return target.namespaces.map((namespace) =>
    call(
      namespace === EVERY_NAMESPACE
        ? { ...parsed, namespace: undefined, allNamespaces: true }
        : { ...parsed, namespace },
    ),
  );
}

function listCall(parsed: ParsedQuestion, target: Target, state: { guesses: number }): ToolCall {
  if (target.kind === "events") return eventsCall(parsed);
  const pods = target.kind === "pods";
  const fields = [
    // "is pod web-1 running?" asks for that pod's state; a phase filters only a list.
    ...(pods && !target.name ? phaseSelectors(parsed.phases) : []),
    ...parsed.fieldSelectors,
    ...(pods && parsed.nodeName ? [`spec.nodeName=${parsed.nodeName}`] : []),
  ];
  if (!pods && parsed.phases.length > 0) state.guesses += 0.5;
  return {
    tool: "get_resources",
    args: compact({
      kind: target.kind,
      ...(pods ? podScopeArgs(parsed) : scopeArgs(parsed, target.namespaced)),
      name: target.name,
      label_selector: (target.labelSelectors ?? parsed.labelSelectors).join(","),
      field_selector: fields.join(","),
    }),
  };
}

function namedCalls(tool: string, parsed: ParsedQuestion, state: { guesses: number }): ToolCall[] {
  let named: Target[] = parsed.targets.filter((target) => target.name);
  if (named.length === 0 && parsed.names.length > 0) {
    const kind = parsed.targets[0] ?? { kind: "pods", namespaced: true, at: 0 };
    if (!parsed.targets[0]) state.guesses += 1;
    named = [{ ...kind, name: parsed.names[0].name }];
  }
  if (named.length === 0) {
    // "describe deployment X" with no name read: a list is a second reading, below the hybrid threshold.
    state.guesses += 2;
    return listCalls(parsed, state);
  }
  return named.flatMap((target) =>
    inEachNamespace(parsed, target, (parsed) => ({
      tool,
      args: compact({ kind: target.kind, name: target.name, ...scopeArgs(parsed, target.namespaced, false) }),
    })),
  );
}

function logsCall(parsed: ParsedQuestion, state: { guesses: number }): ToolCall[] {
  const target =
    parsed.targets.find((entry) => entry.kind === "pods" && entry.name) ??
    parsed.targets.find((entry) => entry.name);
  let name = target?.name ?? parsed.names[0]?.name;
  let namespace = parsed.namespace;
  // "logs of the envoy container in shop": the one workload the cluster runs that container in.
  const owners = parsed.container ? parsed.known?.containers?.get(parsed.container) : undefined;
  if (!name && owners?.length === 1) name = owners[0];
  // 查看api-0中app容器的日志: "in api-0" beside a container names the pod, not a namespace.
  if (!name && namespace && parsed.namespaceGuessed && (parsed.container || /\d/.test(namespace))) {
    name = namespace;
    namespace = undefined;
    state.guesses += 0.5;
  }
  let container = parsed.container;
  // 查看loki-0容器的日志, "logs of container loki-0" with no pod named: logs are read from a pod, and 容器 is
  // often said of a pod, so the name is the pod's.
  if (!name && container) {
    name = container;
    container = undefined;
    state.guesses += 0.5;
  }
  if (!name) {
    state.guesses += 3;
    return [];
  }
  if (target && target.kind !== "pods") state.guesses += 0.5;
  return [
    {
      tool: "get_pod_logs",
      args: compact({
        name,
        namespace,
        container,
        tail_lines: parsed.tailLines,
        previous: parsed.previous,
        since_seconds: parsed.sinceSeconds,
      }),
    },
  ];
}

/** The calls in order, each the first time it appears. */
export function withoutDuplicates(calls: readonly ToolCall[]): ToolCall[] {
  const seen = new Set<string>();
  return calls.filter((call) => {
    const key = JSON.stringify(call);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const PHASES = ["Pending", "Running", "Succeeded", "Failed", "Unknown"];

/**
 * Field selectors only AND: "running or pending pods" (two phases, either) is every phase but the others
 * (status.phase!=Succeeded,status.phase!=Failed,status.phase!=Unknown); one phase, or phases ruled out, stay.
 */
function phaseSelectors(phases: string[]): string[] {
  const wanted = phases.filter((phase) => !phase.includes("!=")).map((phase) => phase.split("=")[1]);
  if (wanted.length < 2) return phases;
  return PHASES.filter((phase) => !wanted.includes(phase)).map((phase) => `status.phase!=${phase}`);
}
