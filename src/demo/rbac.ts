import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { ApiStatusError } from "./api-status.js";

/** A ClusterRole rule, as the rules file holds it. */
export interface PolicyRule {
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
  verbs: string[];
}

export interface ResourceAttributes {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  name?: string;
  namespace?: string;
}

export function loadRbacRules(file: string): PolicyRule[] {
  const parsed: unknown = parse(readFileSync(file, "utf8"));
  const rules = Array.isArray(parsed) ? parsed : (parsed as { rules?: unknown } | null)?.rules;
  if (!Array.isArray(rules)) throw new Error(`${file}: expected a YAML list of ClusterRole rules`);
  for (const [index, rule] of rules.entries()) {
    if (typeof rule !== "object" || rule === null || !Array.isArray((rule as PolicyRule).verbs)) {
      throw new Error(`${file}: rule ${index + 1} has no verbs list`);
    }
  }
  return rules as PolicyRule[];
}

function matches(list: string[] | undefined, value: string): boolean {
  return (list ?? []).some((entry) => entry === "*" || entry === value);
}

function resourceMatches(rule: PolicyRule, attrs: ResourceAttributes): boolean {
  const combined = attrs.subresource ? `${attrs.resource}/${attrs.subresource}` : attrs.resource;
  return (rule.resources ?? []).some(
    (r) => r === "*" || r === combined || (attrs.subresource !== undefined && r === `*/${attrs.subresource}`),
  );
}

export function allowsResource(rules: PolicyRule[], attrs: ResourceAttributes): boolean {
  return rules.some(
    (rule) =>
      matches(rule.verbs, attrs.verb) &&
      matches(rule.apiGroups, attrs.group) &&
      resourceMatches(rule, attrs) &&
      (!rule.resourceNames?.length || (attrs.name !== undefined && rule.resourceNames.includes(attrs.name))),
  );
}

function urlMatches(pattern: string, path: string): boolean {
  if (pattern === "*" || pattern === path) return true;
  return pattern.endsWith("*") && path.startsWith(pattern.slice(0, -1));
}

export function allowsNonResource(rules: PolicyRule[], path: string, verb: string): boolean {
  return rules.some(
    (rule) => matches(rule.verbs, verb) && (rule.nonResourceURLs ?? []).some((p) => urlMatches(p, path)),
  );
}

/** The 403 Status a real API server answers, word for word. */
export function forbiddenResource(user: string, attrs: ResourceAttributes): ApiStatusError {
  const qualified = attrs.group === "" ? attrs.resource : `${attrs.resource}.${attrs.group}`;
  const subject = attrs.name ? `${qualified} "${attrs.name}"` : qualified;
  const resource = attrs.subresource ? `${attrs.resource}/${attrs.subresource}` : attrs.resource;
  const scope = attrs.namespace ? `in the namespace "${attrs.namespace}"` : "at the cluster scope";
  return new ApiStatusError(
    403,
    "Forbidden",
    `${subject} is forbidden: User "${user}" cannot ${attrs.verb} resource "${resource}" in API group "${attrs.group}" ${scope}`,
    { name: attrs.name ?? "", group: attrs.group, kind: attrs.resource },
  );
}

export function forbiddenPath(user: string, path: string, verb: string): ApiStatusError {
  return new ApiStatusError(403, "Forbidden", `forbidden: User "${user}" cannot ${verb} path "${path}"`, {});
}

/** What SelfSubjectRulesReview reports: the rules as the server sees them. */
export function rulesReviewStatus(rules: PolicyRule[]): Record<string, unknown> {
  const resourceRules = rules
    .filter((r) => r.resources?.length)
    .map((r) => ({
      verbs: r.verbs,
      apiGroups: r.apiGroups ?? [],
      resources: r.resources,
      resourceNames: r.resourceNames,
    }));
  const nonResourceRules = rules
    .filter((r) => r.nonResourceURLs?.length)
    .map((r) => ({ verbs: r.verbs, nonResourceURLs: r.nonResourceURLs }));
  return { resourceRules, nonResourceRules, incomplete: false };
}
