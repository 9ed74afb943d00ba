import type { Cache } from "../../core/ports.js";

/** The App Home lists a user's last few questions, kept a week (in Redis when configured). */
const KEEP = 5;
const TTL_SECONDS = 7 * 24 * 3600;

const key = (user: string) => `slack:recent:${user}`;

export async function recentQuestions(cache: Cache, user: string): Promise<string[]> {
  try {
    const stored = await cache.get(key(user));
    const parsed: unknown = stored ? JSON.parse(stored) : [];
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === "string") : [];
  } catch {
    return [];
  }
}

/** Best effort: a store that is down costs the list, never the answer. */
export async function rememberRecentQuestion(cache: Cache, user: string, text: string): Promise<void> {
  try {
    const list = (await recentQuestions(cache, user)).filter((question) => question !== text);
    await cache.set(key(user), JSON.stringify([text, ...list].slice(0, KEEP)), TTL_SECONDS);
  } catch {
    // The list is a convenience.
  }
}
