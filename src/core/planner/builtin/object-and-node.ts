import type { ToolCall } from "../../answer.js";
import type { ParsedQuestion } from "./reading.js";
import { isKnownObject } from "./slot-names.js";

const CAUSE = /\bbecause\b|\bdue to\b|\bcaus(?:e|ed|ing)\b|\bblam\w*|因为|导致|引起|造成|是不是/;

/**
 * "fraud-detector Pending 是不是因为 worker-2 的 MemoryPressure？": a cause asked between an object and a node is
 * both, the object's diagnosis first.
 */
export function objectBesideNode(
  text: string,
  parsed: ParsedQuestion,
  calls: ToolCall[],
): ToolCall[] | undefined {
  const names = parsed.known;
  const [call] = calls;
  if (calls.length !== 1 || call.args.kind !== "nodes" || !names?.complete || !CAUSE.test(text))
    return undefined;
  const object = [...text.matchAll(/[a-z0-9][a-z0-9-]*[a-z0-9]/g)]
    .map((match) => match[0])
    .find((word) => word !== call.args.name && !names.nodes.has(word) && names.objects.has(word));
  return object ? [{ tool: "diagnose", args: { name: object } }, call] : undefined;
}

/**
 * 它所在的 node 有问题吗, "is the node inventory-db-2 runs on ok": an object given as the node to diagnose is the
 * node it runs on, which its pod's description names, beside its own diagnosis.
 */
export function objectGivenAsNode(parsed: ParsedQuestion, calls: ToolCall[]): ToolCall[] | undefined {
  const names = parsed.known;
  const [call] = calls;
  if (calls.length !== 1 || call.tool !== "diagnose" || call.args.kind !== "nodes" || !names?.complete)
    return undefined;
  const name = call.args.name;
  if (typeof name !== "string" || names.nodes.has(name) || !isKnownObject(names, name)) return undefined;
  const { kind: _kind, ...args } = call.args;
  return [
    { tool: "describe_resource", args: { ...args, kind: "pods", fields: ["node"] } },
    { tool: "diagnose", args },
  ];
}
