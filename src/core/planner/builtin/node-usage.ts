import type { Plan } from "../../ports.js";
import { CHINESE_CUES, ENGLISH_CUES } from "./vocabulary.js";

const USAGE_WORDS = [...ENGLISH_CUES, ...CHINESE_CUES]
  .filter(([, cue]) => cue.role === "intent" && cue.intent === "top")
  .map(([word]) => word);
const escapeRegExp = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const USAGE = new RegExp(
  USAGE_WORDS.map((word) => (/[a-z]/i.test(word) ? `\\b${escapeRegExp(word)}\\b` : escapeRegExp(word))).join(
    "|",
  ),
  "i",
);

/**
 * "worker-1 和 worker-2 哪台更吃紧", "which node is busier, worker-1 or worker-2?": usage asked of named nodes is the
 * nodes' usage table (every node in it, so the two compare), not a description of the first one named.
 */
export function withNamedNodesUsage(plan: Plan, text: string): Plan {
  if (plan.refusal || plan.calls.length === 0) return plan;
  const describesNodes = plan.calls.every(
    (call) =>
      call.tool === "describe_resource" && call.args.kind === "nodes" && call.args.fields === undefined,
  );
  if (!describesNodes || !USAGE.test(text)) return plan;
  return {
    ...plan,
    calls: [{ tool: "top", args: { kind: "nodes" } }],
    confidence: Math.max(plan.confidence, 0.75),
    notes: [...(plan.notes ?? []), "Usage asked of named nodes: the nodes' usage, side by side."],
  };
}
