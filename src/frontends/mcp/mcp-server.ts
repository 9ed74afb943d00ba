import { randomBytes } from "node:crypto";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  CallToolRequestSchema,
  type CallToolResult,
  ListToolsRequestSchema,
  type Tool,
} from "@modelcontextprotocol/sdk/types.js";
import { errorMessage } from "../../core/errors.js";
import type { AnswerService } from "../../core/pipeline/answer-service.js";
import type { Logger, RateLimiter } from "../../core/ports.js";
import type { Question, Scope } from "../../core/question.js";
import { toolParametersSchema } from "../../core/tools/catalogue.js";
import type { ToolDefinition } from "../../core/tools/define-tool.js";
import { answerToToolResult } from "./answer-content.js";

export interface McpServerDeps {
  answers: AnswerService;
  logger: Logger;
  /** The namespaces MCP callers may read (default: every namespace the RBAC allows). */
  scope?: Scope;
  /** Who is asking, for the audit log and rate limits: `stdio`, or the HTTP caller's address. */
  caller: string;
  version: string;
  /** Tool calls per caller per minute (MCP has no users: the caller is the client's address or `stdio`). */
  limit?: { limiter: RateLimiter; perMinute: number };
}

/** The catalogue's tools over MCP. Every call goes through the AnswerService: validation, policy, scope, redaction. */
export function createMcpServer(deps: McpServerDeps): Server {
  const server = new Server(
    { name: "k8helper", title: "K8Helper (read-only Kubernetes)", version: deps.version },
    {
      capabilities: { tools: { listChanged: false } },
      instructions:
        "Read-only Kubernetes tools: list, describe, logs, events, metrics, overview, diagnose. " +
        "Nothing can be changed and Secrets are never read.",
    },
  );
  const tools = deps.answers.tools.map(describeTool);
  server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools }));
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const { name, arguments: args = {} } = request.params;
    const limited = await rateLimited(deps);
    if (limited) return limited;
    const question = questionForCall(name, args, deps);
    const answer = await deps.answers.answerCalls(question, [{ tool: name, args }]);
    deps.logger.debug(
      { event: "mcp_call", tool: name, requestId: question.requestId, caller: deps.caller },
      "MCP tool call",
    );
    return answerToToolResult(answer);
  });
  return server;
}

/** A tool as MCP lists it: the same JSON Schema the LLMs and /api/v1/tools get, derived from its zod arguments. */
export function describeTool(tool: ToolDefinition): Tool {
  return {
    name: tool.name,
    title: tool.name.replaceAll("_", " "),
    description: tool.description,
    inputSchema: { ...toolParametersSchema(tool), type: "object" },
    annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  };
}

async function rateLimited(deps: McpServerDeps): Promise<CallToolResult | undefined> {
  if (!deps.limit) return undefined;
  try {
    const decision = await deps.limit.limiter.take(`mcp:${deps.caller}`, deps.limit.perMinute, 60);
    if (decision.allowed) return undefined;
    const retryAfter = Math.max(1, Math.ceil(decision.retryAfterSeconds));
    const text = `Too many calls: at most ${deps.limit.perMinute} a minute. Try again in ${retryAfter} s.`;
    return { content: [{ type: "text", text }], isError: true };
  } catch (error) {
    deps.logger.warn(
      { event: "rate_limiter_failed", error: errorMessage(error) },
      "rate limiter failed; letting the call through",
    );
    return undefined;
  }
}

function questionForCall(tool: string, args: Record<string, unknown>, deps: McpServerDeps): Question {
  return {
    text: `${tool} ${JSON.stringify(args)}`,
    user: `mcp:${deps.caller}`,
    frontend: "mcp",
    scope: deps.scope ?? {},
    requestId: randomBytes(4).toString("hex"),
  };
}
