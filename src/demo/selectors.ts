import type { KubeObject } from "../core/ports.js";
import { badRequest } from "./api-status.js";

export type ObjectPredicate = (object: KubeObject) => boolean;

/** Splits on commas outside parentheses: `app in (a,b),tier=web` is two requirements. */
function splitRequirements(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of selector) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      parts.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (current.trim() !== "") parts.push(current.trim());
  return parts;
}

const setPattern = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/;
const equalityPattern = /^([\w./-]+)\s*(==|!=|=)\s*([\w.-]*)$/;
const existsPattern = /^(!?)([\w./-]+)$/;

function labelRequirement(text: string): ObjectPredicate {
  const labels = (o: KubeObject) => o.metadata.labels ?? {};
  const set = setPattern.exec(text);
  if (set) {
    const [, key, op, list] = set;
    const values = new Set(list.split(",").map((v) => v.trim()));
    return op === "in"
      ? (o) => key in labels(o) && values.has(labels(o)[key])
      : (o) => !(key in labels(o)) || !values.has(labels(o)[key]);
  }
  const equality = equalityPattern.exec(text);
  if (equality) {
    const [, key, op, value] = equality;
    return op === "!=" ? (o) => labels(o)[key] !== value : (o) => labels(o)[key] === value;
  }
  const exists = existsPattern.exec(text);
  if (exists) {
    const [, not, key] = exists;
    return not ? (o) => !(key in labels(o)) : (o) => key in labels(o);
  }
  throw badRequest(`unable to parse requirement: ${text}`);
}

export function parseLabelSelector(selector: string | undefined): ObjectPredicate | undefined {
  if (!selector?.trim()) return undefined;
  const requirements = splitRequirements(selector).map(labelRequirement);
  return (o) => requirements.every((r) => r(o));
}

/** Reads a dotted path (`spec.nodeName`, `involvedObject.kind`) from an object. */
function fieldValue(object: KubeObject, path: string): string {
  let value: unknown = object;
  for (const key of path.split(".")) value = (value as Record<string, unknown> | undefined)?.[key];
  if (path === "source") value = (object.source as { component?: string } | undefined)?.component;
  return value === undefined || value === null ? "" : String(value);
}

/**
 * The field labels each kind supports on a real API server; anything else is a 400
 * there, and here.
 */
const supportedFields: Record<string, string[]> = {
  Pod: [
    "spec.nodeName",
    "spec.restartPolicy",
    "spec.schedulerName",
    "spec.serviceAccountName",
    "spec.hostNetwork",
    "status.phase",
    "status.podIP",
    "status.nominatedNodeName",
  ],
  Event: [
    "involvedObject.kind",
    "involvedObject.namespace",
    "involvedObject.name",
    "involvedObject.uid",
    "involvedObject.apiVersion",
    "involvedObject.resourceVersion",
    "involvedObject.fieldPath",
    "reason",
    "reportingComponent",
    "source",
    "type",
  ],
  Node: ["spec.unschedulable"],
  Namespace: ["status.phase"],
  Secret: ["type"],
  Job: ["status.successful"],
  ReplicaSet: ["status.replicas"],
};

export function parseFieldSelector(selector: string | undefined, kind: string): ObjectPredicate | undefined {
  if (!selector?.trim()) return undefined;
  const allowed = new Set(["metadata.name", "metadata.namespace", ...(supportedFields[kind] ?? [])]);
  const requirements = splitRequirements(selector).map((text): ObjectPredicate => {
    const match = /^([\w.]+)\s*(==|!=|=)\s*(.*)$/.exec(text);
    if (!match) throw badRequest(`invalid selector: '${selector}'; can't understand '${text}'`);
    const [, field, op, value] = match;
    if (!allowed.has(field)) throw badRequest(`field label not supported: ${field}`);
    return op === "!=" ? (o) => fieldValue(o, field) !== value : (o) => fieldValue(o, field) === value;
  });
  return (o) => requirements.every((r) => r(o));
}
