import type { ToolCall } from "../../answer.js";
import type { ClusterNames } from "../../ports.js";
import type { ParsedQuestion } from "./reading.js";

// Kinds whose objects own pods that carry their name: "checkout" asked about alone may well mean its pods.
const RUNS_PODS = new Set(["deployments", "statefulsets", "daemonsets"]);
// When a name is several of the other kinds, the one a question is most likely about.
const PREFERRED = [
  "cronjobs",
  "jobs",
  "persistentvolumeclaims",
  "horizontalpodautoscalers",
  "poddisruptionbudgets",
  "ingresses",
  "configmaps",
  "networkpolicies",
  "persistentvolumes",
  "storageclasses",
  "services",
];
const READS = new Set(["get_resources", "describe_resource"]);

/**
 * "how much storage does analytics-scratch ask for", "provisioner of premium-rwo", "when is backup-postgres
 * scheduled": a question that names an object but no kind was planned on pods, which no such name has. When the
 * cluster knows the name only as objects that run no pods of that name (a claim, a CronJob, a storage class, a
 * custom resource), the call describes that object instead, which leads with what kubectl describe shows.
 */
export function kindsFromCluster(parsed: ParsedQuestion, calls: ToolCall[]): ToolCall[] {
  const known = parsed.known;
  if (!known || parsed.targets.some((target) => target.kind === "pods")) return calls;
  return calls.map((call) => kindFromCluster(known, call));
}

function kindFromCluster(known: ClusterNames, call: ToolCall): ToolCall {
  const { kind, name } = call.args;
  if (!READS.has(call.tool) || kind !== "pods" || typeof name !== "string") return call;
  if (known.nodes.has(name) || known.namespaces.has(name)) return call;
  const kinds = known.objects.get(name) ?? [];
  if (kinds.length === 0 || kinds.some((candidate) => RUNS_PODS.has(candidate))) return call;
  const chosen = PREFERRED.find((candidate) => kinds.includes(candidate)) ?? kinds[0];
  const { fields: _fields, unhealthy: _unhealthy, sort_by: _sortBy, ...args } = call.args;
  return { tool: "describe_resource", args: { ...args, kind: chosen } };
}
