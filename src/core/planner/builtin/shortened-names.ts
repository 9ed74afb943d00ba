import { namesInText } from "../../names/names-in-text.js";
import type { ClusterNames, Plan } from "../../ports.js";
import { isKnownObject } from "./slot-names.js";

/** A name read as a shortening of the cluster's name is a guess: below the hybrid threshold. */
const SHORTENED_CONFIDENCE = 0.5;

/**
 * A name in a call that the cluster does not hold but that is the shortening of exactly one name it does
 * ("worker-3 为啥 NotReady" → demo-worker-3) becomes that name, with the kind when it is a node. Needs a complete
 * index: only then does absence say the word is not the name.
 */
export function expandShortenedNames(plan: Plan, names: ClusterNames | undefined, text: string): Plan {
  if (!names?.complete || plan.calls.length === 0) return plan;
  const expanded: string[] = [];
  const asked = text.toLowerCase();
  const calls = plan.calls.map((call) => {
    const name = call.args.name;
    if (typeof name !== "string") return call;
    // Completed earlier from the cluster's names (name-completion.ts): as much a guess, and a node still needs its kind.
    if (names.nodes.has(name) && !asked.includes(name.toLowerCase())) {
      expanded.push(name);
      return call.args.kind === undefined ? { ...call, args: { ...call.args, kind: "nodes" } } : call;
    }
    if (isKnownObject(names, name) || names.namespaces.has(name)) return call;
    const matches = namesInText(names, name);
    const [match] = matches;
    if (matches.length !== 1 || !match.shortened || match.written !== name.toLowerCase()) return call;
    expanded.push(`${name} → ${match.name}`);
    const kind = call.args.kind ?? (match.role === "node" ? "nodes" : undefined);
    return { ...call, args: { ...call.args, name: match.name, ...(kind ? { kind } : {}) } };
  });
  if (expanded.length === 0) return plan;
  return {
    ...plan,
    calls,
    confidence: Math.min(plan.confidence, SHORTENED_CONFIDENCE),
    notes: [...(plan.notes ?? []), `Read as shortened names: ${expanded.join(", ")}`],
  };
}
