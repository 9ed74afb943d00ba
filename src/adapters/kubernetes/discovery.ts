import { CodedError } from "../../core/errors.js";
import type { ResourceType } from "../../core/ports.js";
import {
  AGGREGATED_DISCOVERY_ACCEPT,
  type APIGroupDiscoveryList,
  isAggregated,
  typesFromAggregated,
} from "./aggregated-discovery.js";
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
  groups?: {
    name: string;
    preferredVersion?: { groupVersion: string; version: string };
    versions: { version: string }[];
  }[];
}

const PURPOSE = { verb: "get", resource: "API discovery" } as const;

/**
 * Every resource type the server serves: the core group first, then each group's preferred version,
 * in the server's order (so `events` resolves to core/v1 before events.k8s.io). Subresources are left out.
 * Aggregated discovery (two requests) when the server offers it; else the legacy documents, where a
 * group that fails (an aggregated API that is down) is skipped rather than failing the whole discovery.
 */
export async function discoverResourceTypes(http: KubeHttp): Promise<ResourceType[]> {
  const [core, groups] = await Promise.all([
    http.get({ target: { kind: "core" }, accept: AGGREGATED_DISCOVERY_ACCEPT, purpose: PURPOSE }),
    http.get({ target: { kind: "groups" }, accept: AGGREGATED_DISCOVERY_ACCEPT, purpose: PURPOSE }),
  ]);
  if (isAggregated(core.contentType) && isAggregated(groups.contentType)) {
    return [
      ...typesFromAggregated(parse<APIGroupDiscoveryList>(core.body, http.server)),
      ...typesFromAggregated(parse<APIGroupDiscoveryList>(groups.body, http.server)),
    ];
  }
  const groupList = isAggregated(groups.contentType)
    ? await http.getJson<ApiGroupList>({ target: { kind: "groups" }, purpose: PURPOSE })
    : parse<ApiGroupList>(groups.body, http.server);
  return legacyDiscovery(http, groupList);
}

async function legacyDiscovery(http: KubeHttp, groups: ApiGroupList): Promise<ResourceType[]> {
  const core = await http.getJson<ApiResourceList>({
    target: { kind: "discovery", group: "", version: "v1" },
    purpose: PURPOSE,
  });
  const groupVersions = (groups.groups ?? []).map((group) => ({
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

function parse<T>(body: string, server: string): T {
  try {
    return JSON.parse(body) as T;
  } catch {
    throw new CodedError(
      "server_error",
      `The Kubernetes API at ${server} answered discovery with something that is not JSON`,
    );
  }
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
