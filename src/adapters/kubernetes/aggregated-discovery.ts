import type { ResourceType } from "../../core/ports.js";

/** What kubectl asks `/api` and `/apis` for: the aggregated list in v2 or v2beta1, else the legacy document. */
export const AGGREGATED_DISCOVERY_ACCEPT =
  "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";

interface DiscoveredResource {
  resource: string;
  responseKind?: { kind?: string };
  scope?: string;
  singularResource?: string;
  verbs?: string[];
  shortNames?: string[];
}

export interface APIGroupDiscoveryList {
  items?: {
    metadata?: { name?: string };
    versions?: { version: string; resources?: DiscoveredResource[]; freshness?: string }[];
  }[];
}

export function isAggregated(contentType: string): boolean {
  return /(^|;)\s*as=APIGroupDiscoveryList\s*(;|$)/.test(contentType);
}

/**
 * Each group's preferred version (listed first) with its resources, in the server's order. A version
 * whose aggregated API is unreachable (`freshness: Stale`) is still listed: the requests to it fail later.
 */
export function typesFromAggregated(list: APIGroupDiscoveryList): ResourceType[] {
  const types: ResourceType[] = [];
  for (const item of list.items ?? []) {
    const group = item.metadata?.name ?? "";
    const preferred = item.versions?.[0];
    if (!preferred) continue;
    for (const resource of preferred.resources ?? []) {
      const kind = resource.responseKind?.kind ?? "";
      types.push({
        plural: resource.resource,
        singular: resource.singularResource || kind.toLowerCase(),
        kind,
        shortNames: resource.shortNames ?? [],
        group,
        version: preferred.version,
        namespaced: resource.scope === "Namespaced",
        verbs: resource.verbs ?? [],
      });
    }
  }
  return types;
}
