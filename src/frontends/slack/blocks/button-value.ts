import { z } from "zod";
import { SLACK_LIMITS } from "./limits.js";

/** What a button carries back: the question, the answer it belongs to, and for Diagnose the call to run. */
export interface ButtonPayload {
  /** The question text (Refresh re-asks it). */
  q: string;
  /** The request id of the answer the button sits under (Details reads that answer). */
  id: string;
  /** Diagnose: the arguments of the `diagnose` call. */
  d?: Record<string, string | boolean>;
}

const payloadSchema = z.object({
  q: z.string(),
  id: z.string().max(64),
  d: z.record(z.string(), z.union([z.string(), z.boolean()])).optional(),
});

/** JSON within Slack's 2,000-character button value: a long question is cut, never the ids. */
export function encodeButtonValue(payload: ButtonPayload): string {
  const value = JSON.stringify(payload);
  if (value.length <= SLACK_LIMITS.buttonValue) return value;
  const excess = value.length - SLACK_LIMITS.buttonValue;
  // JSON escaping can make a character cost up to 6; cut generously and re-check.
  let q = payload.q.slice(0, Math.max(0, payload.q.length - excess - 16));
  while (JSON.stringify({ ...payload, q }).length > SLACK_LIMITS.buttonValue)
    q = q.slice(0, Math.floor(q.length * 0.9));
  return JSON.stringify({ ...payload, q });
}

/** The payload, or undefined for a value this app did not write. */
export function decodeButtonValue(value: string | undefined): ButtonPayload | undefined {
  if (!value) return undefined;
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
