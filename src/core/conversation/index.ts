export {
  CONVERSATION_ID,
  CONVERSATION_TTL_SECONDS,
  CONVERSATION_TURNS,
  type ConversationStore,
  createConversationStore,
} from "./conversation-store.js";
export type { ConversationTurn } from "./conversation-turn.js";
export { type Conversations, createConversations } from "./conversations.js";
export { resolveFollowUp } from "./resolve-follow-up.js";
