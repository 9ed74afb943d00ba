import { localhostHostValidation } from "@modelcontextprotocol/sdk/server/middleware/hostHeaderValidation.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import express, { type Express, type RequestHandler, type Response } from "express";
import { errorMessage } from "../../core/errors.js";
import { httpUser, requireBearerToken } from "../http/access.js";
import { createMcpServer, type McpServerDeps } from "./mcp-server.js";

export interface McpHttpDeps extends Omit<McpServerDeps, "caller"> {
  /** The API token: MCP callers send it as a bearer token like REST callers. */
  apiToken?: string;
  /** K8HELPER_ALLOW_REMOTE: without a token, accept Host names other than localhost. */
  allowRemote: boolean;
}

/**
 * `/mcp` over streamable HTTP, stateless: each POST gets its own server and transport, so any replica can
 * answer any request and nothing is kept between calls.
 */
export function mountMcpHttp(app: Express, deps: McpHttpDeps): void {
  const { apiToken, allowRemote, ...serverDeps } = deps;
  // Without a token the API listens on loopback; a Host check stops DNS-rebinding pages from reaching it.
  const guard: RequestHandler = apiToken
    ? requireBearerToken(apiToken)
    : allowRemote
      ? (_req, _res, next) => next()
      : localhostHostValidation();

  app.post("/mcp", guard, express.json({ limit: "256kb" }), async (req, res) => {
    const server = createMcpServer({ ...serverDeps, caller: httpUser(req) });
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    res.on("close", () => {
      void transport.close();
      void server.close();
    });
    try {
      await server.connect(transport);
      await transport.handleRequest(req, res, req.body);
    } catch (error) {
      deps.logger.error({ event: "mcp_failed", error: errorMessage(error) }, "MCP request failed");
      if (!res.headersSent) rpcError(res, 500, -32603, "Internal error");
    }
  });
  // Stateless: no server-initiated stream to open and no session to end.
  const notAllowed: RequestHandler = (_req, res) => {
    res.set("Allow", "POST");
    rpcError(
      res,
      405,
      -32000,
      "Method not allowed: this MCP endpoint is stateless, POST JSON-RPC requests to it.",
    );
  };
  app.get("/mcp", guard, notAllowed);
  app.delete("/mcp", guard, notAllowed);
}

function rpcError(res: Response, status: number, code: number, message: string): void {
  res.status(status).json({ jsonrpc: "2.0", error: { code, message }, id: null });
}
