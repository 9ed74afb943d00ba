import type { ToolCall } from "../../answer.js";
import type { ParsedQuestion } from "./reading.js";

// The calls about what happens to objects (events, metrics, findings) and the scope arguments every call shares.

/** namespace, or all_namespaces, as the user said; never for a cluster-scoped kind. */
export function scopeArgs(
  parsed: ParsedQuestion,
  namespaced: boolean,
  allowAll = true,
): Record<string, unknown> {
  if (!namespaced) return {};
  if (parsed.namespace) return { namespace: parsed.namespace };
  if (allowAll && (parsed.allNamespaces || parsed.cluster)) return { all_namespaces: true };
  return {};
}

/** Pods on a node span namespaces. */
export function podScopeArgs(parsed: ParsedQuestion): Record<string, unknown> {
  const args = scopeArgs(parsed, true);
  return parsed.nodeName && !parsed.namespace ? { all_namespaces: true } : args;
}

export function eventsCall(parsed: ParsedQuestion): ToolCall {
  const target = parsed.targets.find((entry) => entry.kind !== "events");
  const about =
    target ??
    (parsed.nodeName ? { kind: "nodes", name: parsed.nodeName } : undefined) ??
    (parsed.involvedKind ? { kind: parsed.involvedKind, name: undefined } : undefined);
  return {
    tool: "get_events",
    args: compact({
      ...scopeArgs(parsed, true),
      kind: about?.kind,
      name: about?.name ?? parsed.names[0]?.name,
      type: parsed.eventType,
    }),
  };
}

/** "which nodes and pods use the most cpu": one call per kind top measures, in the order said; else nodes or pods. */
export function topCalls(parsed: ParsedQuestion, state: { guesses: number }): ToolCall[] {
  const kinds = parsed.targets.map((target) => target.kind);
  const measured = [...new Set(kinds.filter((kind) => kind === "nodes" || kind === "pods"))];
  if (measured.length === 0) state.guesses += kinds.length === 0 ? 0.5 : 1;
  // "how much cpu is demo-worker-1 using": a node named with no pods asked for is the node's own use.
  const nodeAsked = kinds.includes("nodes") || (parsed.nodeName !== undefined && !kinds.includes("pods"));
  const chosen = measured.length === 2 ? measured : [nodeAsked ? "nodes" : "pods"];
  return chosen.map((kind) => ({
    tool: "top",
    args: compact({ kind, ...(kind === "pods" ? podScopeArgs(parsed) : {}), sort_by: parsed.sortBy }),
  }));
}

/**
 * "why are checkout and ledger failing", "payments-api says ledger ECONNREFUSED": every object named without a kind
 * is diagnosed, so a healthy first one never hides the broken second.
 */
export function diagnoseCalls(parsed: ParsedQuestion): ToolCall[] {
  const first = diagnoseCall(parsed);
  if (parsed.targets.some((entry) => entry.name)) return [first];
  // "which statefulsets or daemonsets are degraded": each kind said is checked.
  const kinds = [...new Set(parsed.targets.map((entry) => entry.kind))];
  if (kinds.length > 1 && parsed.names.length === 0)
    return kinds.slice(0, 3).map((kind) => ({ ...first, args: { ...first.args, kind } }));
  const others = [...new Set(parsed.names.map((entry) => entry.name))].filter(
    (name) => name !== first.args.name,
  );
  return [first, ...others.slice(0, 2).map((name) => ({ ...first, args: { ...first.args, name } }))];
}

const WORKLOADS = new Set(["deployments", "statefulsets", "daemonsets", "jobs", "cronjobs"]);

export function diagnoseCall(parsed: ParsedQuestion): ToolCall {
  // "why are there no endpoints for service frontend": the named object is the one to diagnose.
  const target =
    parsed.targets.find((entry) => entry.name) ??
    parsed.targets[0] ??
    (parsed.nodeName ? { kind: "nodes", namespaced: false, name: parsed.nodeName } : undefined);
  const name = target?.name ?? parsed.names[0]?.name;
  // "checkout pods keep dying": a workload's pods are what diagnosing the workload by name finds, with its own state.
  const workload = name !== undefined && parsed.known?.objects.get(name)?.some((kind) => WORKLOADS.has(kind));
  const kind = target?.kind === "pods" && workload ? undefined : target?.kind;
  return {
    tool: "diagnose",
    args: compact({ ...scopeArgs(parsed, target?.namespaced ?? true), kind, name }),
  };
}

/** Drops what the user did not say: undefined, false and empty strings never reach a call. */
export function compact(args: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(args).filter(([, value]) => value !== undefined && value !== false && value !== ""),
  );
}
