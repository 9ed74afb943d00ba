import type { Answer, ToolCall } from "../answer.js";
import type { Question } from "../question.js";
import type { ToolDefinition } from "../tools/define-tool.js";

export interface AnswerHooks {
  /** Progress for the user ("Looking at pods in kube-system…"), called as steps start and finish. */
  onProgress?(message: string): void;
}

/** What every front end calls: a Question in, an Answer out. It never throws for a bad question or a failed tool. */
export interface AnswerService {
  answer(question: Question, hooks?: AnswerHooks): Promise<Answer>;
  /** Runs calls chosen by the caller (MCP clients) under the same rules: validation, policy, scope, redaction. */
  answerCalls(question: Question, calls: ToolCall[]): Promise<Answer>;
  readonly tools: readonly ToolDefinition[];
}
