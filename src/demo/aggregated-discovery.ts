import { builtinTypes, type ServedType, type TypeRegistry } from "./resource-types.js";

function discoveredResource(type: ServedType): Record<string, unknown> {
  const responseKind = { group: type.group, version: type.version, kind: type.kind };
  const resource: Record<string, unknown> = {
    resource: type.plural,
    responseKind,
    scope: type.namespaced ? "Namespaced" : "Cluster",
    singularResource: type.singular,
    verbs: type.verbs,
  };
  if (type.shortNames.length > 0) resource.shortNames = type.shortNames;
  if (type.categories) resource.categories = type.categories;
  if (type.subresources?.length) {
    resource.subresources = type.subresources.map((subresource) => ({
      subresource,
      responseKind,
      verbs: ["get"],
    }));
  }
  return resource;
}

function groupDiscovery(group: string, registry: TypeRegistry): Record<string, unknown> {
  const versions = registry
    .groupVersions()
    .filter((gv) => gv.group === group)
    .map(({ version }) => ({
      version,
      resources: registry.types
        .filter((t) => t.group === group && t.version === version)
        .map(discoveredResource),
      freshness: "Current",
    }));
  return { metadata: { name: group, creationTimestamp: null }, versions };
}

/**
 * `/api` (the core group alone) or `/apis` (every other group) as one APIGroupDiscoveryList: what a
 * client reads in one request instead of one per group version. Versions are listed preferred first.
 */
export function aggregatedDiscovery(
  core: boolean,
  version: "v2" | "v2beta1",
  registry: TypeRegistry = builtinTypes,
): Record<string, unknown> {
  const groups = core
    ? [""]
    : [...new Set(registry.groupVersions().map((gv) => gv.group))].filter((g) => g !== "");
  return {
    kind: "APIGroupDiscoveryList",
    apiVersion: `apidiscovery.k8s.io/${version}`,
    metadata: {},
    items: groups.map((group) => groupDiscovery(group, registry)),
  };
}
