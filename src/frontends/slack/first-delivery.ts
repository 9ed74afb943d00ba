import type { Cache } from "../../core/ports.js";

const DEDUP_TTL_SECONDS = 600;

/**
 * True the first time an event, command or click is seen (Slack retries and Socket Mode redeliveries are not).
 * When the store is down setIfAbsent says false for everything: answering twice beats never answering.
 */
export async function isFirstDelivery(cache: Cache, id: string): Promise<boolean> {
  const key = `slack:event:${id}`;
  if (await cache.setIfAbsent(key, "1", DEDUP_TTL_SECONDS)) return true;
  return (await cache.get(key)) === undefined;
}
