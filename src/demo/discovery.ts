import { apiVersionOf, builtinTypes, type ServedType, type TypeRegistry } from "./resource-types.js";

/** The server version the simulated cluster claims (kubectl 1.32 is within skew of it). */
export const serverVersion = {
  major: "1",
  minor: "32",
  gitVersion: "v1.32.4",
  gitCommit: "59526cd4867447956156ae3a602fcbac10a2c335",
  gitTreeState: "clean",
  buildDate: "2025-04-22T16:02:27Z",
  goVersion: "go1.23.6",
  compiler: "gc",
  platform: "linux/amd64",
};

function resourceEntry(type: ServedType): Record<string, unknown> {
  const entry: Record<string, unknown> = {
    name: type.plural,
    singularName: type.singular,
    namespaced: type.namespaced,
    kind: type.kind,
    verbs: type.verbs,
  };
  if (type.shortNames.length > 0) entry.shortNames = type.shortNames;
  if (type.categories) entry.categories = type.categories;
  return entry;
}

/** `/api/v1` or `/apis/<group>/<version>`: undefined when the group version is not served. */
export function apiResourceList(
  group: string,
  version: string,
  registry: TypeRegistry = builtinTypes,
): Record<string, unknown> | undefined {
  const types = registry.types.filter((t) => t.group === group && t.version === version);
  if (types.length === 0) return undefined;
  const resources: Record<string, unknown>[] = [];
  for (const type of types) {
    resources.push(resourceEntry(type));
    for (const sub of type.subresources ?? []) {
      resources.push({
        name: `${type.plural}/${sub}`,
        singularName: "",
        namespaced: type.namespaced,
        kind: type.kind,
        verbs: ["get"],
      });
    }
  }
  return { kind: "APIResourceList", apiVersion: "v1", groupVersion: apiVersionOf(types[0]), resources };
}

export function apiVersions(serverAddress: string): Record<string, unknown> {
  return {
    kind: "APIVersions",
    versions: ["v1"],
    serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress }],
  };
}

function apiGroup(name: string, registry: TypeRegistry): Record<string, unknown> {
  const versions = registry
    .groupVersions()
    .filter((gv) => gv.group === name)
    .map((gv) => ({ groupVersion: `${name}/${gv.version}`, version: gv.version }));
  return { name, versions, preferredVersion: versions[0] };
}

export function apiGroupList(registry: TypeRegistry = builtinTypes): Record<string, unknown> {
  const names = [...new Set(registry.groupVersions().map((gv) => gv.group))].filter((g) => g !== "");
  return { kind: "APIGroupList", apiVersion: "v1", groups: names.map((name) => apiGroup(name, registry)) };
}

/** `/apis/<group>`: undefined when the group is not served. */
export function apiGroupDocument(
  name: string,
  registry: TypeRegistry = builtinTypes,
): Record<string, unknown> | undefined {
  if (!registry.groupVersions().some((gv) => gv.group === name && name !== "")) return undefined;
  return { kind: "APIGroup", apiVersion: "v1", ...apiGroup(name, registry) };
}
