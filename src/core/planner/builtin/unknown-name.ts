import { namesInText } from "../../names/names-in-text.js";
import type { ClusterNames, Plan } from "../../ports.js";
import { isKnownObject } from "./slot-names.js";

// Below the hybrid threshold: the planner itself doubts how it read the question.
const DOUBTFUL = 0.6;

/**
 * "token 过期会不会导致 checkout crash？看下 log": a doubtful plan that took a word the cluster does not know as the
 * object, while the question names exactly one object the cluster does know, is about that object.
 */
export function withKnownNameForUnknown(plan: Plan, text: string, names: ClusterNames | undefined): Plan {
  if (plan.refusal || plan.confidence >= DOUBTFUL || !names?.complete) return plan;
  const planned = new Set(
    plan.calls.map((call) => call.args.name).filter((name) => typeof name === "string"),
  );
  if (planned.size !== 1) return plan;
  const [guess] = planned;
  // Only a plain word: a pod's hash suffix ("the other pod, 5bj6r") is resolved against its workload later.
  if (!/^[a-z]+$/.test(guess)) return plan;
  if (isKnownObject(names, guess) || names.namespaces.has(guess) || names.nodes.has(guess)) return plan;
  const known = [
    ...new Set(
      namesInText(names, text)
        .filter((match) => !match.shortened && match.role === "object")
        .map((match) => match.name),
    ),
  ];
  if (known.length !== 1) return plan;
  const [name] = known;
  return {
    ...plan,
    calls: plan.calls.map((call) => {
      const { namespace: _, ...args } = call.args;
      return { ...call, args: { ...args, name } };
    }),
    notes: [
      ...(plan.notes ?? []),
      `"${guess}" is no object in the cluster: read the question about ${name}.`,
    ],
  };
}
