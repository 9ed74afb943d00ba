import type { Answer } from "../answer.js";
import type { AnswerService } from "./answer-service.js";

/** Every answer carries the note ("snapshot taken 2025-03-04 10:22 UTC"), in every front end, once. */
export function withAnswerNote(answers: AnswerService, note: string): AnswerService {
  const noted = (answer: Answer): Answer =>
    answer.notes.includes(note) ? answer : { ...answer, notes: [note, ...answer.notes] };
  return {
    tools: answers.tools,
    answer: async (question, hooks) => noted(await answers.answer(question, hooks)),
    answerCalls: async (question, calls) => noted(await answers.answerCalls(question, calls)),
  };
}
