import type { ToolCall } from "../../answer.js";
import { askedFields } from "./question-asks.js";
import type { ParsedQuestion } from "./reading.js";

// "is picker maxed out on scaling?", "at max replicas", 扩容到上限: whether an autoscaler has reached its maximum.
const AT_SCALING_LIMIT =
  /\bmaxed(?: |-)?out\b|\bmax(?:imum)? (?:replicas|pods|scale)\b|\bat (?:its |the )?max(?:imum)?\b|\bhit (?:the |its )?(?:max(?:imum)?|ceiling|limit|cap)\b|\bscal(?:ing|ed|e) (?:limit|ceiling|cap)\b|\bcan'?t scale (?:up|out|further|any more|anymore)\b|扩容?(?:到|至)?(?:上限|顶|最大)|最大副本|副本(?:数)?上限|到顶了|扩不上去/;

// "is the node maxed out on cpu?": a maximum of usage, not of scaling.
const USAGE = /\b(?:cpu|memory|mem|disk|storage|network|connections)\b|内存|磁盘|带宽/;
const SCALING = /\bscal\w*|\breplicas?\b|\bhpas?\b|\bautoscal\w*|扩容|副本|伸缩/;

/**
 * Whether an autoscaler is at its maximum is in the autoscaler: the one of the workload named (an HPA is named
 * after its target), else every HPA in the question's scope.
 */
export function scalingLimitCall(
  text: string,
  parsed: ParsedQuestion,
  calls: readonly ToolCall[],
): ToolCall | undefined {
  if (!AT_SCALING_LIMIT.test(text) || (USAGE.test(text) && !SCALING.test(text))) return undefined;
  const names = parsed.known;
  const words = [...text.matchAll(/[a-z0-9][a-z0-9-]*[a-z0-9]/g)].map((match) => match[0]);
  const said = calls.find(
    (call) => call.args.kind === "horizontalpodautoscalers" && typeof call.args.name === "string",
  );
  // "HPA order-api 的最小和最大副本数": the fields asked of it, which describing it answers.
  if (said?.tool === "describe_resource" || askedFields(text).length > 0) return undefined;
  const named =
    (said?.args.name as string | undefined) ??
    words.find((word) => names?.objects.get(word)?.includes("horizontalpodautoscalers"));
  const namespace = parsed.namespace ?? said?.args.namespace;
  const scope = typeof namespace === "string" ? { namespace } : {};
  if (named)
    return { tool: "describe_resource", args: { kind: "horizontalpodautoscalers", name: named, ...scope } };
  return { tool: "get_resources", args: { kind: "horizontalpodautoscalers", ...scope } };
}
