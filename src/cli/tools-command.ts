import type { Command } from "commander";
import { toolCatalogue, toolParametersSchema } from "../core/tools/catalogue.js";
import type { ToolDefinition } from "../core/tools/define-tool.js";
import { alignColumns } from "../frontends/cli/render-text.js";

interface PropertySchema {
  type?: string;
  enum?: string[];
  description?: string;
  minimum?: number;
  maximum?: number;
}

/** `k8helper tools`: the catalogue with each tool's arguments (or the JSON schemas with --json). */
export function registerToolsCommand(program: Command): void {
  program
    .command("tools")
    .description("list the read-only tools and their arguments")
    .option("--json", "print each tool's name, description and JSON schema")
    .action((flags: { json?: boolean }) => {
      if (flags.json) {
        const tools = toolCatalogue.map((tool) => ({
          name: tool.name,
          description: tool.description,
          parameters: toolParametersSchema(tool),
        }));
        process.stdout.write(`${JSON.stringify(tools, null, 2)}\n`);
        return;
      }
      process.stdout.write(
        `${toolCatalogue.map(describeTool).join("\n\n")}\n\nRun one: k8helper run TOOL key=value ...\n`,
      );
    });
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
