import { createHash } from "node:crypto";
import type { Cache } from "../../core/ports.js";
import { type Alert, alertGroupSchema } from "./alert-payload.js";

/** Refresh and Logs may be clicked days into an incident: the record lives as long as the message index. */
const RECORD_TTL_SECONDS = 7 * 86_400;

/** What an alert message's buttons lead back to: the alert as received, and where its message and investigation are. */
export interface AlertRecord {
  channel: string;
  /** The group's message in the channel (the thread the investigation is in). */
  messageTs: string;
  alert: Alert;
  /** The investigation's message in that thread, once posted: Refresh edits it. */
  investigationTs?: string;
}

const alertSchema = alertGroupSchema.shape.alerts.element;

/** The reference a button carries: a hash of the group and the alert, never its labels or any text. */
export function alertRecordRef(groupId: string, fingerprint: string): string {
  return `alert-${createHash("sha256").update(`${groupId}\n${fingerprint}`).digest("hex").slice(0, 32)}`;
}

const key = (ref: string) => `alerts:record:${ref}`;

export async function rememberAlert(cache: Cache, ref: string, record: AlertRecord): Promise<void> {
  await cache.set(key(ref), JSON.stringify(record), RECORD_TTL_SECONDS);
}

/** The stored alert behind a button, only in the channel it was posted in (a forged reference reads nothing). */
export async function recallAlert(
  cache: Cache,
  ref: string,
  channel: string,
): Promise<AlertRecord | undefined> {
  if (!ref.startsWith("alert-")) return undefined;
  const json = await cache.get(key(ref));
  if (!json) return undefined;
  try {
    const record = JSON.parse(json) as AlertRecord;
    const alert = alertSchema.safeParse(record.alert);
    if (!alert.success || record.channel !== channel || typeof record.messageTs !== "string")
      return undefined;
    return { ...record, alert: alert.data };
  } catch {
    return undefined;
  }
}

/** Notes where the alert's investigation was posted, keeping what the record already says. */
export async function rememberInvestigationTs(cache: Cache, ref: string, ts: string): Promise<void> {
  const json = await cache.get(key(ref));
  if (!json) return;
  await cache.set(
    key(ref),
    JSON.stringify({ ...(JSON.parse(json) as AlertRecord), investigationTs: ts }),
    RECORD_TTL_SECONDS,
  );
}
