import type { Command } from "commander";

/** `k8helper tools`: the catalogue with each tool's arguments (or the JSON schemas with --json). */
export function registerToolsCommand(program: Command): void {
  program
    .command("tools")
    .description("list the read-only tools and their arguments")
    .option("--json", "print each tool's name, description and JSON schema")
    .action(async (flags: { json?: boolean }) => {
      const { toolCatalogue, toolParametersSchema } = await import("../core/tools/catalogue.js");
      if (flags.json) {
        const tools = toolCatalogue.map((tool) => ({
          name: tool.name,
          description: tool.description,
          parameters: toolParametersSchema(tool),
        }));
        process.stdout.write(`${JSON.stringify(tools, null, 2)}\n`);
        return;
      }
      const { describeTool } = await import("./describe-tools.js");
      process.stdout.write(
        `${toolCatalogue.map(describeTool).join("\n\n")}\n\nRun one: k8helper run TOOL key=value ...\n`,
      );
    });
}
