import type { ToolCall } from "../../answer.js";
import type { ClusterNames } from "../../ports.js";
import { askedFields, UNHEALTHY } from "./question-asks.js";

// A kind with this few objects is described object by object when the question asks after an attribute of each.
export const MAX_DESCRIBED = 4;

/** The names a complete index holds of one kind (nodes included); empty when the index cannot say. */
export function namesOfKind(names: ClusterNames | undefined, kind: string): string[] {
  if (!names?.complete) return [];
  if (kind === "nodes") return [...names.nodes];
  return [...names.objects].filter(([, kinds]) => kinds.includes(kind)).map(([name]) => name);
}

/**
 * "which nodes have taints?", "what images do the cronjobs run": an attribute asked of a kind with a few objects,
 * whose list does not show it, is each object's description with that field.
 */
export function fieldsOfEach(
  text: string,
  names: ClusterNames | undefined,
  calls: ToolCall[],
): ToolCall[] | undefined {
  const [call] = calls;
  if (calls.length !== 1 || call.tool !== "get_resources" || typeof call.args.kind !== "string")
    return undefined;
  const { kind, name, namespace, label_selector, field_selector } = call.args;
  if (name !== undefined || namespace !== undefined || label_selector || field_selector) return undefined;
  // "how many deployments are short of replicas": a count or a filter over the list, which the list answers.
  if (
    call.args.unhealthy ||
    call.args.sort_by ||
    UNHEALTHY.test(text) ||
    /\bhow many\b|\bcount\b|多少|几个/.test(text)
  )
    return undefined;
  const fields = askedFields(text);
  const objects = namesOfKind(names, kind);
  if (fields.length === 0 || objects.length === 0 || objects.length > MAX_DESCRIBED) return undefined;
  return objects.map((object) => ({ tool: "describe_resource", args: { kind, name: object, fields } }));
}
