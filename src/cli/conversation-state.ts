import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  CONVERSATION_TTL_SECONDS,
  CONVERSATION_TURNS,
  type ConversationStore,
  type ConversationTurn,
} from "../core/conversation/index.js";
import type { Clock } from "../core/ports.js";

/** Conversations kept in the state file at most; the oldest go first. */
const MAX_CONVERSATIONS = 50;

interface StateFile {
  /** The last conversation per working directory (and user: the file is in the user's own state dir). */
  last: Record<string, string>;
  conversations: Record<string, { turns: ConversationTurn[]; at: number }>;
}

/**
 * `k8helper ask` runs once per process, so its conversations live in a small file under the user's state
 * directory: which conversation `--continue` continues in this working directory, and that conversation's turns.
 */
export interface CliConversationState {
  /** The conversation to use: this directory's last one with `continue`, else a new one. */
  conversationFor(workingDir: string, continueLast: boolean): string;
  store: ConversationStore;
}

export function cliConversationState(stateDir: string, clock: Clock): CliConversationState {
  const path = join(stateDir, "conversations.json");
  const read = (): StateFile => {
    try {
      const parsed = JSON.parse(readFileSync(path, "utf8")) as Partial<StateFile>;
      return { last: parsed.last ?? {}, conversations: parsed.conversations ?? {} };
    } catch {
      return { last: {}, conversations: {} };
    }
  };
  // Best effort, like any cache: a state directory that cannot be written costs the follow-up, not the answer.
  const write = (state: StateFile) => {
    try {
      mkdirSync(stateDir, { recursive: true, mode: 0o700 });
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(state), { mode: 0o600 });
      renameSync(temporary, path);
    } catch {
      // nothing to do: the next `--continue` starts afresh
    }
  };
  const oldest = () => clock.now() - CONVERSATION_TTL_SECONDS * 1_000;
  return {
    conversationFor(workingDir, continueLast) {
      const state = read();
      const last = state.last[workingDir];
      const id =
        continueLast && last && state.conversations[last] ? last : randomBytes(12).toString("base64url");
      state.last[workingDir] = id;
      write(state);
      return id;
    },
    store: {
      async turns(id) {
        return (read().conversations[id]?.turns ?? []).filter((turn) => turn.at >= oldest());
      },
      async append(id, turn) {
        const state = read();
        const turns = [...(state.conversations[id]?.turns ?? []), turn]
          .filter((kept) => kept.at >= oldest())
          .slice(-CONVERSATION_TURNS);
        state.conversations[id] = { turns, at: clock.now() };
        const ids = Object.keys(state.conversations).sort(
          (a, b) => state.conversations[b].at - state.conversations[a].at,
        );
        for (const stale of ids.slice(MAX_CONVERSATIONS)) delete state.conversations[stale];
        write(state);
      },
    },
  };
}
