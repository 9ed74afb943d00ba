import type { ServedType } from "../resource-types.js";

// biome-ignore lint/suspicious/noExplicitAny: CRDs from a snapshot are untyped JSON
type Loose = any;

/** The types a snapshot's CustomResourceDefinitions declare, one per served version, as discovery lists them. */
export function customResourceTypes(crds: Loose[], builtin: ServedType[]): ServedType[] {
  const types: ServedType[] = [];
  for (const crd of crds) {
    const spec = crd.spec ?? {};
    const names = spec.names ?? {};
    if (typeof spec.group !== "string" || typeof names.plural !== "string" || typeof names.kind !== "string")
      continue;
    for (const version of spec.versions ?? []) {
      if (version?.served === false || typeof version?.name !== "string") continue;
      const clash = builtin.some((t) => t.group === spec.group && t.plural === names.plural);
      if (clash) continue;
      types.push({
        group: spec.group,
        version: version.name,
        kind: names.kind,
        plural: names.plural,
        singular: names.singular ?? names.kind.toLowerCase(),
        shortNames: names.shortNames ?? [],
        namespaced: spec.scope !== "Cluster",
        verbs: ["get", "list", "watch"],
        ...(names.categories ? { categories: names.categories } : {}),
      });
    }
  }
  return types;
}
