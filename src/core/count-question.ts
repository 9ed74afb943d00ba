/**
 * Whether a question asks for a number ("how many pods are pending", 有多少个节点, "pods per node") and whether it
 * wants the totals per namespace or per node. Read by the offline planner (a count is a list, never a diagnosis)
 * and by the offline summary (the number, or the totals asked for, lead the answer).
 */
export interface CountQuestion {
  groupBy?: "namespace" | "node";
}

const COUNT =
  /\bhow many\b|\bnumber of\b|\bcount (of|the|all)\b|\bcount\b\s*\??$|\btotal (number|count)\b|\bin total\b|\btally\b|多少|几个|幾個|几台|幾台|数量|數量|个数|個數|总数|總數|一共|总共|總共|统计|統計/;

const PER_NODE =
  /\b(per|each|every|by) node\b|\bon each node\b|\bon every node\b|\bnode by node\b|每个节点|每個節點|各个?节点|各個?節點|按节点|按節點|每台(节点|節點|机器|機器)/;

const PER_NAMESPACE =
  /\b(per|each|every|by) (namespace|ns)\b|\bin each namespace\b|\bnamespace by namespace\b|每个命名空间|每個命名空間|各个?命名空间|各個?命名空間|按命名空间|按命名空間/;

/** The count a question asks for, or undefined when it asks for no number. */
export function readCountQuestion(text: string): CountQuestion | undefined {
  const lower = text.toLowerCase();
  const groupBy = PER_NODE.test(lower) ? "node" : PER_NAMESPACE.test(lower) ? "namespace" : undefined;
  if (groupBy) return { groupBy };
  return COUNT.test(lower) ? {} : undefined;
}
