import type { ClusterNames, Plan } from "../../ports.js";

const LISTING_TOOLS = new Set(["diagnose", "get_resources", "get_events"]);

/**
 * "is the data PVC still failing?", "the shop pods": a namespace's name before a kind, where no object bears that
 * name, is the place, not a name prefix (data-postgres-0 and data-redis-0 are no "data"). One-object tools keep the
 * name: describe_resource finds the one object of the kind such a namespace holds.
 */
export function withNamespaceForName(plan: Plan, names: ClusterNames | undefined): Plan {
  if (!names?.complete || plan.calls.length === 0) return plan;
  const calls = plan.calls.map((call) => {
    const { name, kind, namespace, ...rest } = call.args;
    if (!LISTING_TOOLS.has(call.tool) || typeof name !== "string" || typeof kind !== "string") return call;
    if (!names.namespaces.has(name) || names.objects.has(name) || (namespace && namespace !== name))
      return call;
    return { ...call, args: { ...rest, kind, namespace: name } };
  });
  return { ...plan, calls };
}
