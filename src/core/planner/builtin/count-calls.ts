import type { ToolCall } from "../../answer.js";
import { readCountQuestion } from "../../count-question.js";
import { UNHEALTHY } from "./question-asks.js";

/** Kinds a list can count but a diagnosis would only judge ("how many pvcs are bound vs pending"). */
const DIAGNOSED_KINDS = new Set([
  "pods",
  "deployments",
  "statefulsets",
  "daemonsets",
  "jobs",
  "cronjobs",
  "nodes",
  "persistentvolumeclaims",
]);
const CLUSTER_SCOPED = new Set([
  "nodes",
  "namespaces",
  "persistentvolumes",
  "storageclasses",
  "customresourcedefinitions",
]);
// A failure the list's columns cannot filter by ("how many pods are crashlooping"): the diagnosis finds those.
const FAILURE_REASON = /crash|oom|killed|evict|pull|backoff|崩溃|重启|拉取|驱逐|内存不足/;

/**
 * A count question (count-question.ts) is answered by a list: its number is the row count and its totals per
 * namespace or per node come with it (get_resources' facts). So "pods per node" is one list of pods across the
 * namespaces, not also a list of nodes (nor 按命名空间统计Pod one of namespaces), and "how many pvcs are bound vs pending" lists the claims rather than
 * diagnosing them.
 */
export function countCalls(text: string, calls: ToolCall[]): ToolCall[] {
  const count = readCountQuestion(text);
  if (!count) return calls;
  const lower = text.toLowerCase();
  let counted = calls.map((call) => (call.tool === "diagnose" ? listInstead(lower, call) : call));
  // "pods per node", 按命名空间统计Pod: the kind grouped by is no list of its own.
  const groupKind = count.groupBy === "node" ? "nodes" : "namespaces";
  const listsOtherKind = counted.some((call) => isPlainList(call) && call.args.kind !== groupKind);
  if (count.groupBy && listsOtherKind)
    counted = counted.filter((call) => !(isPlainList(call) && call.args.kind === groupKind));
  if (count.groupBy)
    counted = counted.map((call) =>
      call.tool === "get_resources" &&
      call.args.name === undefined &&
      call.args.namespace === undefined &&
      !CLUSTER_SCOPED.has(call.args.kind as string)
        ? { ...call, args: { ...call.args, all_namespaces: true } }
        : call,
    );
  return counted;
}

function listInstead(text: string, call: ToolCall): ToolCall {
  const { kind, name } = call.args;
  if (typeof kind !== "string" || !DIAGNOSED_KINDS.has(kind) || name !== undefined) return call;
  if (FAILURE_REASON.test(text)) return call;
  const scope = Object.fromEntries(
    (["namespace", "all_namespaces"] as const)
      .filter((key) => call.args[key] !== undefined)
      .map((key) => [key, call.args[key]]),
  );
  return {
    tool: "get_resources",
    args: { kind, ...scope, ...(UNHEALTHY.test(text) ? { unhealthy: true } : {}) },
  };
}

/** A list of one kind with no name or selector: the rows a count is taken from. */
function isPlainList(call: ToolCall): boolean {
  return (
    call.tool === "get_resources" &&
    call.args.name === undefined &&
    call.args.label_selector === undefined &&
    call.args.field_selector === undefined
  );
}
