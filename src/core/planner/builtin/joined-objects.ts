import type { ToolCall } from "../../answer.js";
import type { ClusterNames, Plan } from "../../ports.js";
import { withoutDuplicates } from "./build-calls.js";
import { joinedList } from "./joined-namespaces.js";

// "which is worse, checkout or catalog?", "compare checkout and ledger", checkout 和 catalog 哪个更严重.
const COMPARED =
  /\b(?:worse|better|healthier|sicker|more broken|compare[sd]?|comparison|which one)\b|哪个.{0,8}(?:严重|糟|差|好)|对比|比较|相比/;
const MAX_OBJECTS = 6;

/**
 * "is checkout or catalog crashing", "compare checkout and ledger": a plan that reads one object of a list the
 * question joins asks the same of each object of the list; a comparison asks for each one's diagnosis.
 */
export function withJoinedObjects(plan: Plan, text: string, names: ClusterNames | undefined): Plan {
  if (!names || plan.refusal || plan.calls.length !== 1) return plan;
  const list = joinedList(text, (word) => names.objects.has(word) && !names.namespaces.has(word)).slice(
    0,
    MAX_OBJECTS,
  );
  if (list.length < 2) return plan;
  const [call] = plan.calls;
  if (typeof call.args.name !== "string" || !list.includes(call.args.name)) return plan;
  const compared = COMPARED.test(text.toLowerCase());
  const calls = list.map((name): ToolCall => {
    if (compared) return { tool: "diagnose", args: scoped(call, { name }) };
    const kind = call.args.kind;
    const fits = typeof kind !== "string" || names.objects.get(name)?.includes(kind) || kind === "pods";
    const { kind: _kind, ...rest } = call.args;
    return { ...call, args: { ...(fits ? call.args : rest), name } };
  });
  return { ...plan, calls: withoutDuplicates(calls) };
}

function scoped(call: ToolCall, args: Record<string, unknown>): Record<string, unknown> {
  return typeof call.args.namespace === "string" ? { ...args, namespace: call.args.namespace } : args;
}
