/**
 * Whether a question asks for a number ("how many pods are pending", 有多少个节点, "pods per node") and whether it
 * wants the totals per namespace or per node. Read by the offline planner (a count is a list, never a diagnosis)
 * and by the offline summary (the number, or the totals asked for, lead the answer).
 */
export interface CountQuestion {
  groupBy?: "namespace" | "node";
}

const COUNT =
  /\bhow many\b|\bnumber of\b|\bcount (of|the|all)\b|\bcount\b\s*\??$|\btotal (number|count)\b|\bin total\b|\btally\b|多少|几个|幾個|几台|幾台|数量|數量|个数|個數|总数|總數|一共|总共|總共|统计|統計|\btotal restarts?\b|\brestarts? in total\b|重[启啟]了?(?:多少|几|幾)次|重[启啟]次数|重[启啟]次數/;

// A group's word in either language: mixed questions say 每个 node, 各 namespace.
const NODE_WORD = String.raw`(?:nodes?|节点|節點|机器|機器|主机|主機)`;
const NAMESPACE_WORD = String.raw`(?:namespaces?|ns|命名空间|命名空間)`;
const EACH = String.raw`(?:\b(?:per|each|every|by)\s+|\bon (?:each|every)\s+|每个?\s*|每個\s*|各个?\s*|各個\s*|按\s*|每台\s*)`;
// "which node has the most pods", 哪个节点上的 pod 最多: the totals per group answer it (the most cpu is a top).
const PODS = String.raw`(?:pods?|Pod|容器|containers?)`;
const WHICH_MOST = (group: string) =>
  String.raw`\bwhich\s*${group}(?![\w-]).*\b(?:most|fewest|least)\s+${PODS}|哪(?:个|個|台)?\s*${group}.*${PODS}.*(?:最多|最少)|哪(?:个|個|台)?\s*${group}.*(?:最多|最少).*${PODS}`;

const PER_NODE = new RegExp(
  String.raw`${EACH}${NODE_WORD}(?![\w-])|\bnode by node\b|${WHICH_MOST(NODE_WORD)}`,
);

const PER_NAMESPACE = new RegExp(
  String.raw`${EACH}${NAMESPACE_WORD}(?![\w-])|\bin each namespace\b|\bnamespace by namespace\b|${WHICH_MOST(NAMESPACE_WORD)}`,
);

/** The count a question asks for, or undefined when it asks for no number. */
export function readCountQuestion(text: string): CountQuestion | undefined {
  const lower = text.toLowerCase();
  const groupBy = PER_NODE.test(lower) ? "node" : PER_NAMESPACE.test(lower) ? "namespace" : undefined;
  if (groupBy) return { groupBy };
  return COUNT.test(lower) ? {} : undefined;
}
