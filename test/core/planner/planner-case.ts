import type { ToolCall } from "../../../src/core/answer.js";

/** A question and the calls it must plan, as [tool, args] pairs in order. */
export type PlannerCase = [question: string, calls: [tool: string, args: Record<string, unknown>][]];

export function expectedCalls(calls: PlannerCase[1]): ToolCall[] {
  return calls.map(([tool, args]) => ({ tool, args }));
}
