import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** One LLM turn as a test scripts it, independent of the wire format the fake speaks. */
export type LlmScriptStep =
  | {
      kind: "reply";
      content?: string;
      toolCalls?: { name: string; arguments: string | Record<string, unknown> }[];
      refusal?: string;
      finishReason?: string;
      usage?: { in: number; out: number };
    }
  /** An HTTP error (OpenAI), or with `code` and status 200 a Tencent API error. */
  | { kind: "error"; status: number; message?: string; code?: string; retryAfter?: string }
  /** Never answers: the client must give up on its own. */
  | { kind: "hang" }
  /** Any body, for replies that are not the API's JSON. */
  | { kind: "raw"; status?: number; body: string; contentType?: string };

/** What the fake received, in the neutral form (both fakes record the same shape). */
export interface RecordedLlmRequest {
  model: string;
  messages: {
    role: string;
    content?: string;
    toolCallId?: string;
    toolCalls?: { id: string; name: string; arguments: string }[];
  }[];
  tools: { name: string; description: string; parameters: Record<string, unknown> }[];
  toolChoice?: string;
  headers: IncomingMessage["headers"];
}

export type LlmScriptEntry = LlmScriptStep | ((request: RecordedLlmRequest) => LlmScriptStep);

export const scripted = {
  calls(...calls: { name: string; arguments: string | Record<string, unknown> }[]): LlmScriptStep {
    return { kind: "reply", toolCalls: calls, usage: { in: 400, out: 30 } };
  },
  call(name: string, args: Record<string, unknown> | string = {}): LlmScriptStep {
    return scripted.calls({ name, arguments: args });
  },
  text(content: string): LlmScriptStep {
    return { kind: "reply", content, usage: { in: 600, out: 40 } };
  },
};

export interface ScriptedServer {
  url: string;
  requests: RecordedLlmRequest[];
  /** Appends replies; each request takes the next one. */
  script(...entries: LlmScriptEntry[]): void;
  close(): Promise<void>;
}

export type WireStep = Extract<LlmScriptStep, { kind: "reply" | "error" }>;

export interface ScriptedServerWire {
  /** Parses one request; returns a wire-level error to send instead when the request itself is wrong. */
  parse(request: IncomingMessage, body: string): { recorded: RecordedLlmRequest } | { reject: WireResponse };
  /** Renders a reply or an error in the wire format (hang and raw steps mean the same on every wire). */
  render(step: WireStep, request: RecordedLlmRequest, sequence: number): WireResponse;
}

export interface WireResponse {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

/** An HTTP server that answers each LLM request with the next scripted step, in a given wire format. */
export async function startScriptedServer(
  wire: ScriptedServerWire,
  entries: LlmScriptEntry[],
): Promise<ScriptedServer> {
  const queue = [...entries];
  const requests: RecordedLlmRequest[] = [];
  let sequence = 0;
  const server: Server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    const body = await readBody(request);
    const parsed = wire.parse(request, body);
    if ("reject" in parsed) return send(response, parsed.reject);
    requests.push(parsed.recorded);
    const entry = queue.shift();
    const step: LlmScriptStep = entry
      ? typeof entry === "function"
        ? entry(parsed.recorded)
        : entry
      : { kind: "error", status: 500, message: "fake LLM: no scripted reply left" };
    if (step.kind === "hang") return;
    sequence += 1;
    send(response, step.kind === "raw" ? rawResponse(step) : wire.render(step, parsed.recorded, sequence));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script: (...more) => queue.push(...more),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function argumentsText(value: string | Record<string, unknown>): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function rawResponse(step: Extract<LlmScriptStep, { kind: "raw" }>): WireResponse {
  return {
    status: step.status ?? 200,
    body: step.body,
    headers: { "content-type": step.contentType ?? "application/json" },
  };
}

function send(response: ServerResponse, wire: WireResponse): void {
  response.writeHead(wire.status, { "content-type": "application/json", ...wire.headers });
  response.end(wire.body);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export interface ExpectedPlan {
  q: string;
  expect: { tool: string; args: Record<string, unknown> }[];
  refuse?: boolean;
}

/**
 * A scripted LLM that plans correctly: a planning request (tools offered, the user's question last) gets the
 * expected calls of the matching case; anything else (results, summaries) gets a one-line answer.
 */
export function plansFromCases(cases: ExpectedPlan[]): (request: RecordedLlmRequest) => LlmScriptStep {
  return (request) => {
    const last = request.messages.at(-1);
    if (request.tools.length > 0 && last?.role === "user") {
      const found = cases.find((item) => item.q === last.content);
      if (found && !found.refuse && found.expect.length > 0) {
        const toolCalls = found.expect.map((call) => ({ name: call.tool, arguments: call.args }));
        return { kind: "reply", toolCalls, usage: { in: 900, out: 25 } };
      }
      return { kind: "reply", content: "K8Helper only reads the cluster.", usage: { in: 900, out: 10 } };
    }
    return { kind: "reply", content: "Here is what the cluster shows.", usage: { in: 1200, out: 20 } };
  };
}
