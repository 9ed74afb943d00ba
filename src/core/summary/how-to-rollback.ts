import type { CallRecord } from "../answer.js";
import type { Language } from "../question.js";

// "how would I roll back api-gateway", 如果要回滚 checkout 应该用什么命令: the question asks how a rollback is done.
const ROLLBACK = /\broll(?:ing)?[ -]?back\b|\brollback\b|\bundo\b|\brevert\b|回滚|回退|回滾/i;

interface RollbackFacts {
  command: string;
  toRevision?: number;
  toImages?: string;
}

/**
 * The rollback a question asks how to do, said after the rollout's state: the command to copy, marked as not run,
 * and the revision it would land on, or that there is none to go back to.
 */
export function rollbackAsked(language: Language, record: CallRecord, question: string | undefined): string {
  const rollback = record.facts?.rollback as RollbackFacts | undefined;
  if (record.tool !== "rollout_status" || !rollback || !question || !ROLLBACK.test(question)) return "";
  if (language === "zh")
    return rollback.toRevision !== undefined
      ? `回滚命令（建议，K8Helper 不会执行）：${rollback.command}，将回到版本 ${rollback.toRevision}（${rollback.toImages}）。`
      : `只保留了一个版本，没有可回滚的旧版本；回滚命令本身是（K8Helper 不会执行）：${rollback.command}。`;
  return rollback.toRevision !== undefined
    ? ` To roll back (suggested, not run by K8Helper): ${rollback.command}, back to revision ${rollback.toRevision} (${rollback.toImages}).`
    : ` There is no earlier revision to roll back to; the command would be (not run by K8Helper): ${rollback.command}.`;
}
