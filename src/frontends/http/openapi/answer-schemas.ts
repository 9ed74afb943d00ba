import { PLANNER_MODES } from "../../../core/planner/modes.js";
import { MAX_QUERY_LENGTH } from "../query-body.js";

/** JSON Schemas (OpenAPI 3.1 = JSON Schema 2020-12) of what /api/v1 takes and gives: src/core/answer.ts in words. */
type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const text = (description: string): Schema => ({ type: "string", description });

/** The conversation id: follow-up questions send back the one the previous answer carried. */
export const CONVERSATION_PATTERN = "^[A-Za-z0-9_-]{1,64}$";

const cell: Schema = { type: ["string", "number", "null"] };

const objectRef: Schema = {
  type: "object",
  required: ["kind", "name"],
  properties: { kind: { type: "string" }, name: { type: "string" }, namespace: { type: "string" } },
};

const parts: Schema[] = [
  {
    title: "table",
    type: "object",
    required: ["type", "title", "columns", "rows"],
    properties: {
      type: { const: "table" },
      title: { type: "string" },
      columns: { type: "array", items: { type: "string" } },
      rows: { type: "array", items: { type: "array", items: cell }, description: "every row the tool read" },
      nameColumn: { type: "integer", minimum: 0, description: "index of the column holding object names" },
      unhealthyRows: { type: "array", items: { type: "integer", minimum: 0 } },
    },
  },
  {
    title: "text",
    type: "object",
    required: ["type", "title", "text"],
    properties: { type: { const: "text" }, title: { type: "string" }, text: { type: "string" } },
  },
  {
    title: "code",
    type: "object",
    required: ["type", "title", "language", "code"],
    properties: {
      type: { const: "code" },
      title: { type: "string" },
      language: { enum: ["yaml", "log", "text", "json"] },
      code: { type: "string" },
      truncated: { type: "boolean", description: "the tool cut the output" },
    },
  },
  {
    title: "findings",
    type: "object",
    required: ["type", "title", "findings"],
    properties: {
      type: { const: "findings" },
      title: { type: "string" },
      findings: {
        type: "array",
        items: {
          type: "object",
          required: ["severity", "object", "reason", "message", "evidence"],
          properties: {
            severity: { enum: ["critical", "warning", "info"] },
            object: objectRef,
            reason: text("CrashLoopBackOff, ImagePullBackOff, OOMKilled, ..."),
            message: text("one plain sentence"),
            evidence: { type: "array", items: { type: "string" } },
          },
        },
      },
    },
  },
];

const errorObject: Schema = {
  type: "object",
  required: ["code", "message"],
  properties: {
    code: {
      type: "string",
      description: "bad_request, not_found, ambiguous, rate_limited, unreachable, ...",
    },
    message: { type: "string" },
    problems: {
      type: "array",
      description: "for a bad body: each field that is wrong",
      items: {
        type: "object",
        required: ["path", "message"],
        properties: { path: { type: "string" }, message: { type: "string" } },
      },
    },
  },
};

export const schemas: Record<string, Schema> = {
  QueryRequest: {
    type: "object",
    additionalProperties: false,
    required: ["query"],
    properties: {
      query: {
        type: "string",
        minLength: 1,
        maxLength: MAX_QUERY_LENGTH,
        description: "the question, English or Chinese",
      },
      namespace: {
        type: "string",
        pattern: "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$",
        description: "namespace for a question that names none",
      },
      planner: { enum: [...PLANNER_MODES], description: "default: the server's configuration" },
      fresh: { type: "boolean", description: "skip the answer cache" },
      conversation: {
        type: "string",
        pattern: CONVERSATION_PATTERN,
        description: "continue a conversation: the id a previous answer returned (invalid: 400)",
      },
    },
  },
  Answer: {
    type: "object",
    required: [
      "requestId",
      "question",
      "language",
      "summary",
      "parts",
      "calls",
      "refusal",
      "planner",
      "cluster",
      "timings",
      "computedAt",
      "cached",
      "notes",
    ],
    properties: {
      requestId: { type: "string" },
      question: text("the question as asked"),
      language: { enum: ["en", "zh"] },
      summary: text("the short answer, in the question's language"),
      parts: { type: "array", items: ref("AnswerPart") },
      calls: { type: "array", items: ref("CallRecord") },
      refusal: { type: ["string", "null"], description: "why the question was refused, or null" },
      error: { ...errorObject, description: "set when no answer could be given; the status says why" },
      planner: text("builtin, openai, hunyuan or hybrid (what answered)"),
      model: text("the LLM model, when one planned"),
      cluster: text("the kubeconfig context answered about"),
      namespace: text("the namespace the answer is about"),
      conversation: {
        type: "string",
        pattern: CONVERSATION_PATTERN,
        description: "the conversation this answer belongs to: send it back for a follow-up",
      },
      timings: {
        type: "object",
        required: ["totalMs", "planningMs", "clusterMs", "llmMs"],
        properties: {
          totalMs: { type: "number" },
          planningMs: { type: "number" },
          clusterMs: { type: "number" },
          llmMs: { type: "number" },
        },
      },
      computedAt: { type: "string", format: "date-time" },
      cached: { type: "boolean" },
      notes: {
        type: "array",
        items: { type: "string" },
        description: "fallbacks, resolved names, truncation",
      },
      tokens: {
        type: "object",
        required: ["in", "out"],
        properties: { in: { type: "integer" }, out: { type: "integer" } },
      },
      rounds: { type: "integer" },
    },
  },
  AnswerPart: { oneOf: parts },
  CallRecord: {
    type: "object",
    required: ["tool", "args", "ok", "durationMs"],
    properties: {
      tool: { type: "string" },
      args: { type: "object" },
      ok: { type: "boolean" },
      error: {
        type: "object",
        required: ["code", "message"],
        properties: { code: { type: "string" }, message: { type: "string" } },
      },
      durationMs: { type: "number" },
      facts: { type: "object", description: "plain facts the summary is written from" },
    },
  },
  Error: { type: "object", required: ["error"], properties: { error: errorObject } },
  Health: { type: "object", required: ["status"], properties: { status: { const: "healthy" } } },
  Readiness: {
    type: "object",
    required: ["status", "checks"],
    properties: {
      status: { enum: ["ready", "not_ready"] },
      checks: {
        type: "object",
        additionalProperties: {
          type: "object",
          required: ["ok"],
          properties: { ok: { type: "boolean" }, message: { type: "string" } },
        },
      },
      reasons: { type: "array", items: { type: "string" } },
    },
  },
  Tools: {
    type: "object",
    required: ["tools"],
    properties: {
      tools: {
        type: "array",
        items: {
          type: "object",
          required: ["name", "description", "args"],
          properties: {
            name: { type: "string" },
            description: { type: "string" },
            args: { type: "object", description: "the arguments as JSON Schema" },
          },
        },
      },
    },
  },
};
