import { z } from "zod";
import { SLACK_LIMITS } from "./limits.js";

/**
 * What a button carries back: a reference to the stored answer (never the question text, which could be
 * long, private or forged), the answer's language, and for Diagnose the call to run.
 */
export interface ButtonPayload {
  /** The request id of the answer the button sits under (Refresh and Details read what was stored under it). */
  id: string;
  /** The answer's language, for a Diagnose question in the same language. */
  l?: "en" | "zh";
  /** Diagnose: the arguments of the `diagnose` call. */
  d?: Record<string, string | boolean>;
  /** Logs: the arguments of the `get_pod_logs` call. */
  g?: Record<string, string | boolean>;
  /** Try again on a public notice: the answer replaces the notice. */
  u?: 1;
}

const payloadSchema = z
  .object({
    id: z.string().min(1).max(64),
    l: z.enum(["en", "zh"]).optional(),
    d: z.record(z.string(), z.union([z.string().max(253), z.boolean()])).optional(),
    u: z.literal(1).optional(),
    g: z.record(z.string(), z.union([z.string().max(253), z.boolean()])).optional(),
  })
  .strict();

/** JSON well within Slack's 2,000-character button value: ids and names only. */
export function encodeButtonValue(payload: ButtonPayload): string {
  const value = JSON.stringify(payload);
  if (value.length > SLACK_LIMITS.buttonValue) throw new Error("button value over Slack's 2,000 characters");
  return value;
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
