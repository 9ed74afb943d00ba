import type { AnswerService } from "../../core/pipeline/answer-service.js";

/**
 * At most `limit` questions in the pipeline at once from this bot; the rest wait their turn. A burst of
 * questions (an incident channel) then neither floods the API server nor delays the acks of new commands.
 */
export function boundedAnswers(answers: AnswerService, limit: number): AnswerService {
  let running = 0;
  const waiting: (() => void)[] = [];
  const withSlot = async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await task();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
  return {
    tools: answers.tools,
    answer: (question, hooks) => withSlot(() => answers.answer(question, hooks)),
    answerCalls: (question, calls) => withSlot(() => answers.answerCalls(question, calls)),
  };
}
