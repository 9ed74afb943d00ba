import type { ResourceType } from "../../core/ports.js";
import type { KubeHttp } from "./kube-http.js";

interface ApiResource {
  name: string;
  singularName?: string;
  namespaced: boolean;
  kind: string;
  verbs?: string[];
  shortNames?: string[];
}

interface ApiResourceList {
  groupVersion: string;
  resources: ApiResource[];
}

interface ApiGroupList {
  groups: {
    name: string;
    preferredVersion?: { groupVersion: string; version: string };
    versions: { version: string }[];
  }[];
}

const PURPOSE = { verb: "get", resource: "API discovery" } as const;

/**
 * Every resource type the server serves: the core group first, then each group's preferred version,
 * in the server's order (so `events` resolves to core/v1 before events.k8s.io). Subresources are left out.
 * A group that fails (an aggregated API that is down) is skipped rather than failing the whole discovery.
 */
export async function discoverResourceTypes(http: KubeHttp): Promise<ResourceType[]> {
  const [core, groups] = await Promise.all([
    http.getJson<ApiResourceList>({
      target: { kind: "discovery", group: "", version: "v1" },
      purpose: PURPOSE,
    }),
    http.getJson<ApiGroupList>({ target: { kind: "groups" }, purpose: PURPOSE }),
  ]);
  const groupVersions = groups.groups.map((group) => ({
    group: group.name,
    version: group.preferredVersion?.version ?? group.versions[0]?.version ?? "v1",
  }));
  const lists = await Promise.all(
    groupVersions.map(({ group, version }) =>
      http
        .getJson<ApiResourceList>({ target: { kind: "discovery", group, version }, purpose: PURPOSE })
        .catch(() => undefined),
    ),
  );
  const types = toResourceTypes(core, "", "v1");
  lists.forEach((list, index) => {
    if (list) types.push(...toResourceTypes(list, groupVersions[index].group, groupVersions[index].version));
  });
  return types;
}

function toResourceTypes(list: ApiResourceList, group: string, version: string): ResourceType[] {
  return (list.resources ?? [])
    .filter((resource) => !resource.name.includes("/"))
    .map((resource) => ({
      plural: resource.name,
      singular: resource.singularName || resource.kind.toLowerCase(),
      kind: resource.kind,
      shortNames: resource.shortNames ?? [],
      group,
      version,
      namespaced: resource.namespaced,
      verbs: resource.verbs ?? [],
    }));
}
