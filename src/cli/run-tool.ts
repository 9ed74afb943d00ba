import { randomBytes } from "node:crypto";
import { userInfo } from "node:os";
import type { Answer } from "../core/answer.js";
import { CodedError } from "../core/errors.js";
import { findTool, toolCatalogue, toolParametersSchema } from "../core/tools/catalogue.js";
import type { ToolDefinition } from "../core/tools/define-tool.js";
import { containerForCli } from "./cli-container.js";
import { warnAboutBroadIdentity } from "./identity-warning.js";

export interface RunFlags {
  kubeconfig?: string;
  context?: string;
}

/** One call through the pipeline's own checks (policy, scope, validation, redaction): the Answer it gives. */
export async function runToolFromCli(name: string, pairs: string[], flags: RunFlags): Promise<Answer> {
  const tool = findTool(name);
  if (!tool) {
    throw new CodedError(
      "bad_request",
      `Unknown tool "${name}"; tools: ${toolCatalogue.map((entry) => entry.name).join(", ")}`,
    );
  }
  const args = parseToolArgs(tool, pairs);
  const container = await containerForCli(flags, { observers: [] });
  try {
    await warnAboutBroadIdentity(container.config, process.stderr);
    return await container.answers.answerCalls(
      {
        text: `${name} ${pairs.join(" ")}`,
        user: userInfo().username,
        frontend: "cli",
        scope: {},
        fresh: true,
        requestId: randomBytes(4).toString("hex"),
      },
      [{ tool: tool.name, args }],
    );
  } finally {
    await container.close();
  }
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
