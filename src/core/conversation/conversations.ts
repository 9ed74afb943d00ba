import type { Answer } from "../answer.js";
import type { AnswerHooks, AnswerService } from "../pipeline/answer-service.js";
import type { Clock, Logger } from "../ports.js";
import type { Question } from "../question.js";
import type { ConversationStore } from "./conversation-store.js";
import { turnFromAnswer } from "./conversation-turn.js";
import { summariseTurns } from "./history-summary.js";
import { resolveFollowUp, usableTurns } from "./resolve-follow-up.js";

export interface Conversations {
  /** Answers a question of conversation `id`, reading and extending that conversation's context. */
  answer(id: string, question: Question, hooks?: AnswerHooks): Promise<Answer>;
}

export interface ConversationDeps {
  answers: AnswerService;
  store: ConversationStore;
  clock: Clock;
  logger: Logger;
}

/**
 * Follow-ups: the question is read with its conversation's earlier turns (a bare follow-up becomes the full
 * question, and the answer says what was assumed; the LLM also gets a short summary). The caller's scope is
 * never changed: the rewritten question goes through the same policy and scope checks as any other.
 */
export function createConversations(deps: ConversationDeps): Conversations {
  return {
    async answer(id, question, hooks) {
      const turns = usableTurns(await deps.store.turns(id), question.scope);
      const followUp = resolveFollowUp(question.text, turns);
      const asked: Question = {
        ...question,
        text: followUp?.text ?? question.text,
        history: summariseTurns(turns),
      };
      if (followUp)
        deps.logger.info(
          { requestId: question.requestId, conversation: id },
          "follow-up read with its context",
        );
      const answer = await deps.answers.answer(asked, hooks);
      const turn = turnFromAnswer(asked, answer, deps.clock.now());
      if (turn) await deps.store.append(id, turn);
      return followUp ? { ...answer, notes: [followUp.note, ...answer.notes] } : answer;
    },
  };
}
