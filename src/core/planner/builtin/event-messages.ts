import type { ToolCall } from "../../answer.js";
import { eventMessageIn } from "../../event-messages.js";
import { namesInText } from "../../names/names-in-text.js";
import type { ClusterNames, Plan } from "../../ports.js";
import { isKnownObject } from "./slot-names.js";

// Below the hybrid threshold: the planner did not read the question, only recognised the message in it.
const DOUBTFUL = 0.6;
const RECOGNISED_CONFIDENCE = 0.75;

/**
 * A question the planner could not read (or read a word of the message as a name the cluster lacks) that holds a message Kubernetes writes and names no object or node: the
 * objects of the message's kind are diagnosed, in the namespace it names if it names one.
 */
export function withEventMessageRead(plan: Plan, text: string, names: ClusterNames | undefined): Plan {
  if (plan.refusal || (plan.confidence >= DOUBTFUL && !namesNothingKnown(plan, names))) return plan;
  const message = eventMessageIn(text);
  if (!message) return plan;
  // The taint and label keys a message quotes (node-role.kubernetes.io/control-plane) name no object.
  const words = text.replace(/\b[\w.-]+\.[a-z]{2,}\/[\w.-]+/gi, " ");
  const mentioned = names ? namesInText(names, words) : [];
  // Only a name written out counts: "node" of "node status" is no shortened node-exporter.
  const exact = mentioned.filter((match) => !match.shortened);
  if (exact.some((match) => match.role !== "namespace")) return plan;
  const namespaces = exact.map((match) => match.name);
  const calls: ToolCall[] = (namespaces.length > 0 ? namespaces : [undefined]).map((namespace) => ({
    tool: "diagnose",
    args: { kind: message.kind, ...(namespace ? { namespace } : {}) },
  }));
  return {
    ...plan,
    calls,
    confidence: RECOGNISED_CONFIDENCE,
    notes: [
      `Read the pasted message as Kubernetes' ${message.reason}: diagnosed the ${message.kind} it can be about.`,
    ],
  };
}

/** "in shop: Back-off restarting failed container": a name in the plan that a complete index does not hold. */
function namesNothingKnown(plan: Plan, names: ClusterNames | undefined): boolean {
  if (!names?.complete) return false;
  return plan.calls.some(
    (call) =>
      typeof call.args.name === "string" &&
      !isKnownObject(names, call.args.name) &&
      !names.namespaces.has(call.args.name),
  );
}
