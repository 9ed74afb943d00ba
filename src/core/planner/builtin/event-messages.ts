import type { ToolCall } from "../../answer.js";
import { eventMessagesIn } from "../../event-messages.js";
import { namesInText } from "../../names/names-in-text.js";
import type { ClusterNames, Plan } from "../../ports.js";
import { isKnownObject } from "./slot-names.js";

// Below the hybrid threshold: the planner did not read the question, only recognised the message in it.
const DOUBTFUL = 0.6;
const RECOGNISED_CONFIDENCE = 0.75;

/**
 * A question that holds a message Kubernetes writes is about what the message reports. When it names an object
 * ("Back-off restarting failed container ledger, root cause?") that object is diagnosed, unless the plan already
 * diagnoses it. When it names none and the planner could not read it (or read a word of the message as a name the
 * cluster lacks), the objects of the message's kinds are diagnosed, in the namespace it names if it names one.
 */
export function withEventMessageRead(plan: Plan, text: string, names: ClusterNames | undefined): Plan {
  if (plan.refusal || eventMessagesIn(text).length === 0) return plan;
  // The taint and label keys a message quotes (node-role.kubernetes.io/control-plane) name no object.
  const words = text.replace(/\b[\w.-]+\.[a-z]{2,}\/[\w.-]+/gi, " ");
  const mentioned = names ? namesInText(names, words) : [];
  // Only a name written out counts: "node" of "node status" is no shortened node-exporter.
  const exact = mentioned.filter((match) => !match.shortened);
  // A namespace called errimagepull is a name, not a message.
  const messages = eventMessagesIn(
    exact.reduce((rest, match) => rest.replaceAll(match.written, " "), text.toLowerCase()),
  );
  if (messages.length === 0) return plan;
  const objects = exact.filter((match) => match.role !== "namespace").map((match) => match.name);
  const reasons = messages.map((message) => message.reason).join(", ");
  if (objects.length > 0) {
    const diagnosed = (name: string) =>
      plan.calls.some((call) => call.tool === "diagnose" && call.args.name === name);
    if (objects.every(diagnosed)) return plan;
    return {
      ...plan,
      calls: objects.map((name) => ({ tool: "diagnose", args: { name } })),
      confidence: Math.max(plan.confidence, RECOGNISED_CONFIDENCE),
      notes: [`Read the pasted message as Kubernetes' ${reasons} about ${objects.join(", ")}: diagnosed it.`],
    };
  }
  if (plan.confidence >= DOUBTFUL && !namesNothingKnown(plan, names)) return plan;
  const namespaces = exact.map((match) => match.name);
  const kinds = [...new Set(messages.map((message) => message.kind))];
  const calls: ToolCall[] = (namespaces.length > 0 ? namespaces : [undefined]).flatMap((namespace) =>
    kinds.map((kind) => ({ tool: "diagnose", args: { kind, ...(namespace ? { namespace } : {}) } })),
  );
  return {
    ...plan,
    calls,
    confidence: RECOGNISED_CONFIDENCE,
    notes: [
      `Read the pasted message as Kubernetes' ${reasons}: diagnosed the ${kinds.join(" and ")} it can be about.`,
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
