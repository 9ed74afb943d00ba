import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { requiredRbacRules, toolCatalogue } from "../../src/core/tools/catalogue.js";
import { defineTool, type RbacRule, type ToolDefinition } from "../../src/core/tools/define-tool.js";

const RULES_FILE = "chart/k8helper/files/readonly-rules.yaml";

interface FileRule {
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
  verbs: string[];
}

function chartRules(): FileRule[] {
  const parsed = parseYaml(readFileSync(RULES_FILE, "utf8"));
  return Array.isArray(parsed) ? parsed : parsed.rules;
}

/** A rule set as single grants, `group/resource verb` or `url verb`, so two spellings of one grant compare equal. */
function grants(rules: readonly (FileRule | RbacRule)[]): string[] {
  const result = new Set<string>();
  for (const rule of rules) {
    for (const verb of rule.verbs) {
      for (const group of rule.apiGroups ?? []) {
        for (const resource of rule.resources ?? []) result.add(`${group || "core"}/${resource} ${verb}`);
      }
      for (const url of rule.nonResourceURLs ?? []) result.add(`${url} ${verb}`);
    }
  }
  return [...result].sort();
}

function difference(wanted: string[], granted: string[]) {
  return {
    missingFromChart: wanted.filter((grant) => !granted.includes(grant)),
    grantedButUnused: granted.filter((grant) => !wanted.includes(grant)),
  };
}

describe("the chart's read-only rules (files/readonly-rules.yaml)", () => {
  const rules = chartRules();

  it("use read verbs only", () => {
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(["get", "list", "watch"]).toEqual(expect.arrayContaining(rule.verbs));
  });

  it("never grant Secrets, in any group or through a subresource", () => {
    for (const rule of rules) {
      for (const resource of rule.resources ?? []) expect(resource.split("/")[0]).not.toBe("secrets");
    }
  });

  it("grant nothing through a wildcard", () => {
    for (const rule of rules) {
      expect(rule.verbs).not.toContain("*");
      expect(rule.apiGroups ?? []).not.toContain("*");
      expect(rule.resources ?? []).not.toContain("*");
      expect((rule.resources ?? []).filter((r) => r.includes("*"))).toEqual([]);
      expect(rule.nonResourceURLs ?? []).not.toContain("*");
    }
  });

  it("grant exactly the union of what the catalogue's tools declare they need", () => {
    expect(difference(grants(requiredRbacRules()), grants(rules))).toEqual({
      missingFromChart: [],
      grantedButUnused: [],
    });
  });

  it("would fail the comparison above if a tool were added without its RBAC", () => {
    const revisions: ToolDefinition = defineTool({
      ...toolCatalogue[0],
      name: "get_leases",
      needs: [{ apiGroups: ["coordination.k8s.io"], resources: ["leases"], verbs: ["get", "list"] }],
    }) as ToolDefinition;
    const withNewTool = grants(requiredRbacRules([...toolCatalogue, revisions]));
    expect(difference(withNewTool, grants(rules)).missingFromChart).toEqual([
      "coordination.k8s.io/leases get",
      "coordination.k8s.io/leases list",
    ]);
  });

  it("every tool declares what it reads", () => {
    for (const tool of toolCatalogue) expect(tool.needs.length, tool.name).toBeGreaterThan(0);
  });
});
