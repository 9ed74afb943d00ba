import type { Question } from "../../src/core/question.js";

let nextRequest = 0;

/** A question from the CLI with every-namespace scope unless given. */
export function question(text: string, extra: Partial<Question> = {}): Question {
  nextRequest += 1;
  return { text, user: "tester", frontend: "cli", scope: {}, requestId: `test-${nextRequest}`, ...extra };
}
