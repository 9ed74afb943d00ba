import type { Router } from "express";
import { z } from "zod";
import type { ToolDefinition } from "../../../core/tools/define-tool.js";
import { requireBearerToken } from "../access.js";
import { methodNotAllowed } from "../http-errors.js";

export interface ToolDescription {
  name: string;
  description: string;
  args: unknown;
}

/** The catalogue as callers see it: arguments as JSON Schema, derived from the tools' zod schemas. */
export function describeTools(tools: readonly ToolDefinition[]): ToolDescription[] {
  return tools.map((tool) => ({
    name: tool.name,
    description: tool.description,
    args: z.toJSONSchema(tool.args, { io: "input", unrepresentable: "any" }),
  }));
}

/** GET /api/v1/tools: the read-only tools K8Helper can run. */
export function mountToolsRoute(router: Router, tools: readonly ToolDefinition[], apiToken?: string): void {
  let catalogue: { tools: ToolDescription[] } | undefined;
  router
    .route("/tools")
    .get(requireBearerToken(apiToken), (_req, res) => {
      catalogue ??= { tools: describeTools(tools) };
      res.json(catalogue);
    })
    .all(methodNotAllowed("GET"));
}
