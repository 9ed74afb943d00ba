import type { Command } from "commander";
import { createClusterSet } from "../adapters/kubernetes/cluster-set.js";
import { loadConfig } from "../config/load-config.js";
import { CodedError, errorMessage, isCodedError } from "../core/errors.js";
import { redactText } from "../core/redact.js";
import { findTool, toolCatalogue, toolParametersSchema } from "../core/tools/catalogue.js";
import type { ToolDefinition, ToolOutput } from "../core/tools/define-tool.js";
import { renderPartsText } from "../frontends/cli/render-text.js";

interface RunFlags {
  json?: boolean;
  kubeconfig?: string;
  context?: string;
}

/** `k8helper run TOOL key=value ...`: one tool against the cluster, printed as text tables or as JSON. */
export function registerRunCommand(program: Command): void {
  program
    .command("run")
    .description("run one tool with key=value arguments and print its output")
    .argument("<tool>", `one of: ${toolCatalogue.map((tool) => tool.name).join(", ")}`)
    .argument("[args...]", "arguments as key=value, e.g. kind=pods all_namespaces=true")
    .option("--json", "print the tool output (parts, facts, notes) as JSON")
    .option("--kubeconfig <file>", "kubeconfig file (default: KUBECONFIG or ~/.kube/config)")
    .option("--context <context>", "kubeconfig context (cluster) to read")
    .addHelpText(
      "after",
      "\nExamples:\n  k8helper run get_resources kind=pods all_namespaces=true\n  k8helper run get_pod_logs name=checkout namespace=shop previous=true",
    )
    .action(async (name: string, pairs: string[], flags: RunFlags) => {
      try {
        const output = await runToolFromCli(name, pairs, flags);
        process.stdout.write(
          flags.json ? `${JSON.stringify(output, null, 2)}\n` : `${renderToolOutput(output)}\n`,
        );
      } catch (error) {
        // A coded error is the whole story for the user; anything else is a bug, shown as one line too.
        process.stderr.write(`k8helper: ${isCodedError(error) ? error.message : errorMessage(error)}\n`);
        process.exitCode =
          isCodedError(error) && (error.code === "config" || error.code === "bad_request") ? 2 : 1;
      }
    });
}

export async function runToolFromCli(name: string, pairs: string[], flags: RunFlags): Promise<ToolOutput> {
  const tool = findTool(name);
  if (!tool) {
    throw new CodedError(
      "bad_request",
      `Unknown tool "${name}"; tools: ${toolCatalogue.map((entry) => entry.name).join(", ")}`,
    );
  }
  const args = parseToolArgs(tool, pairs);
  const config = loadConfig({
    defaults: { LOG_LEVEL: "warn" },
    overrides: { KUBECONFIG: flags.kubeconfig, K8HELPER_CONTEXT: flags.context },
  });
  const clusters = createClusterSet({
    kubeconfig: config.kube.kubeconfig,
    context: config.kube.context,
    requestTimeoutMs: config.kube.toolTimeoutMs,
  });
  return tool.run(
    {
      cluster: clusters.get(),
      scope: {},
      defaultNamespace: config.kube.defaultNamespace,
      redact: redactText,
    },
    args as never,
  );
}

/** key=value pairs typed by the tool's schema (integers, booleans), then checked by its zod object. */
export function parseToolArgs(tool: ToolDefinition, pairs: string[]): Record<string, unknown> {
  const properties = (toolParametersSchema(tool).properties ?? {}) as Record<string, { type?: string }>;
  const raw: Record<string, unknown> = {};
  for (const pair of pairs) {
    const equals = pair.indexOf("=");
    if (equals <= 0) throw new CodedError("bad_request", `Arguments are key=value; got "${pair}"`);
    const key = pair.slice(0, equals);
    const value = pair.slice(equals + 1);
    const property = properties[key];
    if (!property) {
      const known = Object.keys(properties);
      throw new CodedError(
        "bad_request",
        `${tool.name} has no argument "${key}"; its arguments: ${known.join(", ") || "none"}`,
      );
    }
    raw[key] = typed(value, property.type);
  }
  const parsed = tool.args.strict().safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join(".") || "arguments"}: ${issue.message}`,
    );
    throw new CodedError("bad_request", `Invalid arguments for ${tool.name}: ${problems.join("; ")}`);
  }
  return parsed.data;
}

function typed(value: string, type: string | undefined): unknown {
  if (type === "boolean") return value === "true" ? true : value === "false" ? false : value;
  if (type === "integer" || type === "number") return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  return value;
}

export function renderToolOutput(output: ToolOutput): string {
  const notes = (output.notes ?? []).map((note) => `note: ${note}`);
  return [renderPartsText(output.parts), ...(notes.length > 0 ? [notes.join("\n")] : [])]
    .filter(Boolean)
    .join("\n\n");
}
