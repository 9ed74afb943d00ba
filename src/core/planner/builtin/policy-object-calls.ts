import type { ToolCall } from "../../answer.js";
import type { ParsedQuestion } from "./reading.js";

const POLICY_KINDS = ["horizontalpodautoscalers", "poddisruptionbudgets"];
const NAME_WORD = /[a-z0-9][a-z0-9.-]*[a-z0-9]/g;
// "how far can frontend scale", frontend 最多能扩到几个副本: the bounds are the autoscaler's, not the Deployment's.
const SCALE_BOUND =
  /\bmax(?:imum)? replicas\b|\bmin(?:imum)? replicas\b|\b(?:scale|grow) (?:up )?to\b|\bhow (?:far|high|many replicas) can\b|\bat most\b|最多|最少|最大副本|最小副本|能扩到|扩到几|扩到多少|最多能|上限|下限|\b(?:cpu|memory) target\b|\btarget (?:cpu|utili[sz]ation)\b|(?:cpu|内存)\s*(?:target|目标)|扩缩容目标/;

/**
 * "what cpu target does the frontend hpa use", checkout 的 PDB 允许几个中断, "max replicas for picker": an
 * autoscaler or disruption budget of a named object is described (its target, bounds, allowed disruptions), whatever
 * other words (cpu, replicas) pulled the plan towards usage or the workload.
 */
export function policyObjectCall(
  text: string,
  parsed: ParsedQuestion,
  calls: ToolCall[],
): ToolCall | undefined {
  const names = parsed.known;
  if (!names || calls.length !== 1) return undefined;
  const [call] = calls;
  if (call.tool === "describe_resource" && POLICY_KINDS.includes(call.args.kind as string)) return undefined;
  if (call.tool === "get_resources" && POLICY_KINDS.includes(call.args.kind as string)) return undefined;
  const said = parsed.targets.find((target) => POLICY_KINDS.includes(target.kind))?.kind;
  const kind = said ?? (SCALE_BOUND.test(text) ? "horizontalpodautoscalers" : undefined);
  if (!kind || !["top", "describe_resource", "get_resources"].includes(call.tool)) return undefined;
  const named = typeof call.args.name === "string" ? [call.args.name] : [];
  const words = [...named, ...[...text.matchAll(NAME_WORD)].map((match) => match[0])];
  const name = words.find((word) => names.objects.get(word)?.includes(kind));
  if (!name) return undefined;
  const namespace = typeof call.args.namespace === "string" ? { namespace: call.args.namespace } : {};
  return { tool: "describe_resource", args: { kind, name, ...namespace } };
}
