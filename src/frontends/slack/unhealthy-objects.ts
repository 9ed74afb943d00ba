import type { Answer, ObjectRef, ToolCall } from "../../core/answer.js";

/** Objects Details looks into at most: each costs a describe, its events and, for a pod, its logs. */
const MAX_OBJECTS = 2;

const CRASHED = /CrashLoopBackOff|OOMKilled|Error|BackOff/i;

/** The unhealthy objects an answer names: its findings' objects, else the unhealthy rows of a listing. */
export function unhealthyObjects(answer: Answer): (ObjectRef & { crashed?: boolean })[] {
  const seen = new Set<string>();
  const out: (ObjectRef & { crashed?: boolean })[] = [];
  const add = (ref: ObjectRef & { crashed?: boolean }) => {
    const key = `${ref.kind.toLowerCase()}/${ref.namespace ?? ""}/${ref.name}`;
    if (seen.has(key) || out.length >= MAX_OBJECTS) return;
    seen.add(key);
    out.push(ref);
  };
  for (const part of answer.parts) {
    if (part.type !== "findings") continue;
    // Pods first: their describe, events and logs say the most.
    const sorted = [...part.findings].sort(
      (a, b) => Number(b.object.kind === "Pod") - Number(a.object.kind === "Pod"),
    );
    for (const finding of sorted) add({ ...finding.object, crashed: CRASHED.test(finding.reason) });
  }
  if (out.length > 0) return out;
  const listing = answer.calls.find((call) => call.tool === "get_resources" && call.ok);
  const kind = typeof listing?.args.kind === "string" ? listing.args.kind : undefined;
  const namespace =
    answer.namespace && answer.namespace !== "*"
      ? answer.namespace
      : (listing?.args.namespace as string | undefined);
  if (!kind) return out;
  for (const part of answer.parts) {
    if (part.type !== "table" || part.nameColumn === undefined) continue;
    // An all-namespaces listing says each row's namespace in its own column.
    const namespaceColumn = part.columns.findIndex((column) => column.trim().toUpperCase() === "NAMESPACE");
    for (const row of part.unhealthyRows ?? []) {
      const name = part.rows[row]?.[part.nameColumn];
      const rowNamespace = namespaceColumn >= 0 ? part.rows[row]?.[namespaceColumn] : namespace;
      if (typeof name === "string" && name && typeof rowNamespace === "string" && rowNamespace)
        add({ kind, name, namespace: rowNamespace });
    }
  }
  return out;
}

/** describe, events and (for a pod) logs of each unhealthy object: what Details shows about them. */
export function detailCalls(answer: Answer): ToolCall[] {
  const already = new Set(answer.calls.map((call) => `${call.tool}:${JSON.stringify(call.args)}`));
  const calls: ToolCall[] = [];
  for (const object of unhealthyObjects(answer)) {
    const where = object.namespace ? { namespace: object.namespace } : {};
    const kind = object.kind.toLowerCase();
    calls.push({ tool: "describe_resource", args: { kind, name: object.name, ...where } });
    calls.push({ tool: "get_events", args: { kind, name: object.name, ...where } });
    if (kind === "pod" || kind === "pods")
      calls.push({
        tool: "get_pod_logs",
        args: { name: object.name, ...where, ...(object.crashed ? { previous: true } : {}) },
      });
  }
  return calls.filter((call) => !already.has(`${call.tool}:${JSON.stringify(call.args)}`));
}
