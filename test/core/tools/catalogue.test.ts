import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  findTool,
  requiredRbacRules,
  toolCatalogue,
  toolParametersSchema,
} from "../../../src/core/tools/catalogue.js";
import type { RbacRule } from "../../../src/core/tools/define-tool.js";

const CONTRACT: Record<string, string[]> = {
  get_resources: [
    "kind",
    "namespace",
    "all_namespaces",
    "name",
    "label_selector",
    "field_selector",
    "unhealthy",
    "sort_by",
  ],
  describe_resource: ["kind", "name", "namespace", "fields"],
  get_manifest: ["kind", "name", "namespace"],
  get_pod_logs: ["name", "namespace", "container", "tail_lines", "previous", "since_seconds"],
  get_events: ["namespace", "all_namespaces", "kind", "name", "type", "since_seconds"],
  top: ["kind", "namespace", "all_namespaces", "sort_by"],
  cluster_overview: [],
  diagnose: ["namespace", "all_namespaces", "kind", "name"],
  rollout_status: ["kind", "name", "namespace"],
  recent_changes: ["namespace", "all_namespaces", "kind", "name", "since_seconds"],
};

describe("the tool catalogue", () => {
  it("holds exactly the tools and arguments of TOOLS.md", () => {
    const actual = Object.fromEntries(
      toolCatalogue.map((tool) => [
        tool.name,
        Object.keys((toolParametersSchema(tool).properties ?? {}) as object),
      ]),
    );
    expect(actual).toEqual(CONTRACT);
  });

  it("keeps the LLM-facing schemas under review", () => {
    const schemas = toolCatalogue.map((tool) => ({
      name: tool.name,
      description: tool.description,
      parameters: toolParametersSchema(tool),
    }));
    expect(schemas).toMatchSnapshot();
  });

  it("describes every argument for the LLM", () => {
    for (const tool of toolCatalogue) {
      const properties = (toolParametersSchema(tool).properties ?? {}) as Record<
        string,
        { description?: string }
      >;
      for (const [name, property] of Object.entries(properties))
        expect(property.description, `${tool.name}.${name}`).toBeTruthy();
    }
  });

  it("finds tools by name and nothing else", () => {
    expect(findTool("diagnose")?.name).toBe("diagnose");
    expect(findTool("delete_pod")).toBeUndefined();
  });
});

describe("requiredRbacRules", () => {
  const rules = requiredRbacRules();

  it("asks only for read verbs and never for secrets", () => {
    for (const rule of rules) {
      expect(rule.verbs.every((verb) => ["get", "list", "watch"].includes(verb))).toBe(true);
      expect(rule.resources ?? []).not.toContain("secrets");
    }
  });

  it("merges rules per apiGroup and resource", () => {
    const pods = rules.filter((rule) => rule.apiGroups?.[0] === "" && rule.resources?.[0] === "pods");
    expect(pods).toEqual([{ apiGroups: [""], resources: ["pods"], verbs: ["get", "list"] }]);
    expect(rules).toContainEqual({ apiGroups: [""], resources: ["pods/log"], verbs: ["get"] });
    expect(rules).toContainEqual({
      apiGroups: ["metrics.k8s.io"],
      resources: ["nodes"],
      verbs: ["get", "list"],
    });
  });

  it("is granted by the chart's read-only ClusterRole", () => {
    const granted = parse(readFileSync("chart/k8helper/files/readonly-rules.yaml", "utf8")) as RbacRule[];
    const allows = (group: string, resource: string, verb: string) =>
      granted.some(
        (rule) =>
          rule.apiGroups?.includes(group) &&
          (rule.resources?.includes(resource) || rule.resources?.includes("*")) &&
          (rule.verbs as string[]).includes(verb),
      );
    const missing = rules.flatMap((rule) =>
      (rule.resources ?? []).flatMap((resource) =>
        rule.verbs
          .filter((verb) => !allows(rule.apiGroups![0], resource, verb))
          .map((verb) => `${verb} ${resource}.${rule.apiGroups![0]}`),
      ),
    );
    expect(missing).toEqual([]);
  });
});
