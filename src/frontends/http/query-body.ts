import { z } from "zod";
import { CONVERSATION_ID } from "../../core/conversation/index.js";
import { PLANNER_MODES } from "../../core/planner/modes.js";
import type { Problem } from "./http-errors.js";

export const MAX_QUERY_LENGTH = 2_000;

/** POST /api/v1/query, as the seed's clients send it (plus `fresh`); unknown keys are an error, not ignored. */
export const queryBodySchema = z.strictObject({
  query: z
    .string({ error: "query must be a string: the question" })
    .trim()
    .min(1, { error: "query is empty: ask a question" })
    .max(MAX_QUERY_LENGTH, { error: `query is longer than ${MAX_QUERY_LENGTH} characters` }),
  namespace: z
    .string({ error: "namespace must be a string" })
    .regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, { error: "namespace must be a Kubernetes namespace name" })
    .optional(),
  planner: z.enum(PLANNER_MODES, { error: `planner must be one of ${PLANNER_MODES.join(", ")}` }).optional(),
  fresh: z.boolean({ error: "fresh must be true or false" }).optional(),
  conversation: z
    .string({ error: "conversation must be a string" })
    .regex(CONVERSATION_ID, { error: "conversation must be 1-64 characters of A-Z, a-z, 0-9, _ and -" })
    .optional(),
});

export type QueryBody = z.infer<typeof queryBodySchema>;

export type ParsedQueryBody = { ok: true; body: QueryBody } | { ok: false; problems: Problem[] };

export function parseQueryBody(input: unknown): ParsedQueryBody {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    return {
      ok: false,
      problems: [{ path: "", message: 'the body must be a JSON object: {"query": "..."}' }],
    };
  }
  const parsed = queryBodySchema.safeParse(input);
  if (parsed.success) return { ok: true, body: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join("."),
      message: issue.message,
    })),
  };
}
