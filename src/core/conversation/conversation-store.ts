import type { Cache, Clock } from "../ports.js";
import type { ConversationTurn } from "./conversation-turn.js";

/** A follow-up reads at most the last 5 turns, none older than a day. */
export const CONVERSATION_TURNS = 5;
export const CONVERSATION_TTL_SECONDS = 24 * 3_600;

/** What the REST API and the CLI accept as a conversation id. */
export const CONVERSATION_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface ConversationStore {
  /** The turns of a conversation, oldest first; empty when unknown, expired or unreadable. */
  turns(id: string): Promise<ConversationTurn[]>;
  append(id: string, turn: ConversationTurn): Promise<void>;
}

function key(id: string): string {
  return `conversation:${id}`;
}

function parseTurns(json: string | undefined): ConversationTurn[] {
  if (!json) return [];
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? (parsed as ConversationTurn[]) : [];
  } catch {
    return [];
  }
}

/** Conversations through the Cache port: Redis when configured (any replica continues), memory otherwise. */
export function createConversationStore(cache: Cache, clock: Clock): ConversationStore {
  const fresh = (turns: ConversationTurn[]) => {
    const oldest = clock.now() - CONVERSATION_TTL_SECONDS * 1_000;
    return turns.filter((turn) => typeof turn.at === "number" && turn.at >= oldest);
  };
  return {
    async turns(id) {
      return fresh(parseTurns(await cache.get(key(id))));
    },
    async append(id, turn) {
      const turns = [...fresh(parseTurns(await cache.get(key(id)))), turn].slice(-CONVERSATION_TURNS);
      await cache.set(key(id), JSON.stringify(turns), CONVERSATION_TTL_SECONDS);
    },
  };
}
