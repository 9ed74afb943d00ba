import { z } from "zod";
import { clusterOverview } from "./cluster-overview.js";
import type { RbacRule, ToolDefinition } from "./define-tool.js";
import { describeResource } from "./describe-resource.js";
import { diagnose } from "./diagnose.js";
import { getEvents } from "./get-events.js";
import { getManifest } from "./get-manifest.js";
import { getPodLogs } from "./get-pod-logs.js";
import { getResources } from "./get-resources.js";
import { recentChanges } from "./recent-changes.js";
import { rolloutStatus } from "./rollout-status.js";
import { top } from "./top.js";

/** Every tool, in the order LLMs and `k8helper tools` list them. Adding a tool is one file and one line here. */
export const toolCatalogue: readonly ToolDefinition[] = [
  getResources,
  describeResource,
  getManifest,
  getPodLogs,
  getEvents,
  top,
  clusterOverview,
  diagnose,
  rolloutStatus,
  recentChanges,
] as ToolDefinition[];

assertUniqueNames(toolCatalogue);

export function findTool(name: string): ToolDefinition | undefined {
  return toolCatalogue.find((tool) => tool.name === name);
}

/** The JSON Schema of a tool's arguments, derived from its zod object (never written twice). */
export function toolParametersSchema(tool: ToolDefinition): Record<string, unknown> {
  const { $schema: _schema, ...schema } = z.toJSONSchema(tool.args) as Record<string, unknown>;
  return schema;
}

/** The union of every tool's RBAC needs, merged per apiGroup + resource (what the chart's ClusterRole grants). */
export function requiredRbacRules(tools: readonly ToolDefinition[] = toolCatalogue): RbacRule[] {
  const verbsByResource = new Map<string, Set<RbacRule["verbs"][number]>>();
  const verbsByUrl = new Map<string, Set<RbacRule["verbs"][number]>>();
  for (const rule of tools.flatMap((tool) => tool.needs)) {
    for (const group of rule.apiGroups ?? []) {
      for (const resource of rule.resources ?? [])
        add(verbsByResource, `${group}\u0000${resource}`, rule.verbs);
    }
    for (const url of rule.nonResourceURLs ?? []) add(verbsByUrl, url, rule.verbs);
  }
  const rules: RbacRule[] = [...verbsByResource].map(([key, verbs]) => {
    const [group, resource] = key.split("\u0000");
    return { apiGroups: [group], resources: [resource], verbs: sortedVerbs(verbs) };
  });
  if (verbsByUrl.size > 0) {
    // Non-resource URLs with the same verbs share one rule, as ClusterRoles usually write them.
    const byVerbs = new Map<string, string[]>();
    for (const [url, verbs] of verbsByUrl)
      byVerbs.set(sortedVerbs(verbs).join(","), [...(byVerbs.get(sortedVerbs(verbs).join(",")) ?? []), url]);
    for (const [verbs, urls] of byVerbs)
      rules.push({ nonResourceURLs: urls.sort(), verbs: verbs.split(",") as RbacRule["verbs"] });
  }
  return rules.sort((a, b) => ruleKey(a).localeCompare(ruleKey(b)));
}

function add(map: Map<string, Set<RbacRule["verbs"][number]>>, key: string, verbs: RbacRule["verbs"]): void {
  const set = map.get(key) ?? new Set();
  for (const verb of verbs) set.add(verb);
  map.set(key, set);
}

function sortedVerbs(verbs: Set<RbacRule["verbs"][number]>): RbacRule["verbs"] {
  return (["get", "list", "watch"] as const).filter((verb) => verbs.has(verb));
}

function ruleKey(rule: RbacRule): string {
  return rule.nonResourceURLs
    ? `~${rule.nonResourceURLs.join()}`
    : `${rule.apiGroups?.join()}/${rule.resources?.join()}`;
}

function assertUniqueNames(tools: readonly ToolDefinition[]): void {
  const seen = new Set<string>();
  for (const tool of tools) {
    if (seen.has(tool.name)) throw new Error(`Duplicate tool name in the catalogue: ${tool.name}`);
    seen.add(tool.name);
  }
}
