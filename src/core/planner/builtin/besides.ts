import type { Plan } from "../../ports.js";

const RECOGNISED = 0.75;

// "anything down in edge besides the gateway?", "除了网关之外 edge 还有什么问题": the named object is what is left out.
const EXCLUDING =
  /\b(?:besides|apart from|except(?: for)?|other than|aside from)\s+(?:the\s+)?([a-z0-9][a-z0-9.-]*)|除了\s*([a-z0-9][a-z0-9.-]*|\S{1,6}?)\s*(?:之外|以外|外)/i;

/**
 * A diagnosis of the one object a question excludes is a diagnosis of the rest of its place: the name is dropped,
 * the namespace kept, so the answer says what else is broken and what is up.
 */
export function withoutExcludedObject(plan: Plan, text: string): Plan {
  const excluded = EXCLUDING.exec(text);
  if (!excluded || plan.refusal || plan.calls.length !== 1) return plan;
  const [call] = plan.calls;
  if (call.tool !== "diagnose" || typeof call.args.name !== "string" || !call.args.namespace) return plan;
  const { name, ...rest } = call.args;
  return {
    ...plan,
    calls: [{ ...call, args: rest }],
    // The word it did not read is the one that says what is left out.
    confidence: Math.max(plan.confidence, RECOGNISED),
    notes: [...(plan.notes ?? []), `Diagnosed ${String(call.args.namespace)} besides ${name}.`],
  };
}
