import { toolParametersSchema } from "../core/tools/catalogue.js";
import type { ToolDefinition } from "../core/tools/define-tool.js";
import { alignColumns } from "../frontends/cli/render-text.js";

interface PropertySchema {
  type?: string;
  enum?: string[];
  description?: string;
  minimum?: number;
  maximum?: number;
}

export function describeTool(tool: ToolDefinition): string {
  const schema = toolParametersSchema(tool) as {
    properties?: Record<string, PropertySchema>;
    required?: string[];
  };
  const required = new Set(schema.required ?? []);
  const rows = Object.entries(schema.properties ?? {}).map(([name, property]) => [
    `  ${name}${required.has(name) ? " (required)" : ""}`,
    typeText(property),
    property.description ?? "",
  ]);
  return [
    `${tool.name} — ${tool.description}`,
    ...(rows.length > 0 ? alignColumns(rows) : ["  (no arguments)"]),
  ].join("\n");
}

function typeText(property: PropertySchema): string {
  if (property.enum) return property.enum.join("|");
  if (property.type === "integer" && property.minimum !== undefined) {
    const bounded = property.maximum !== undefined && property.maximum < Number.MAX_SAFE_INTEGER;
    return bounded ? `integer ${property.minimum}..${property.maximum}` : `integer >= ${property.minimum}`;
  }
  return property.type ?? "";
}
