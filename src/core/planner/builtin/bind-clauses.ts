import { EVERY_NAMESPACE, type Mention, type ParsedQuestion, type Target } from "./reading.js";

/** Which clause a token is in: clauses are cut at the conjunctions that join no phrase ("and", 和, a comma). */
export function clauseOf(parsed: ParsedQuestion, at: number): number {
  return countBelow(parsed.conjunctions, at);
}

/**
 * "pods in shop and services in payments", 查看shop的pod和payments的服务, "pods -l app=a and services -l app=b":
 * when clauses scope their kinds differently, each kind keeps its own clause's namespaces and selectors. When every
 * kind would get the same, the question-wide reading stands, widened by a clause that only adds a namespace
 * ("pods in shop and in payments").
 */
export function bindClauses(parsed: ParsedQuestion): void {
  const namespaced = parsed.targets.filter((target) => target.namespaced);
  const namespaces = valuesByClause(parsed, namespaced, parsed.namespaceMentions);
  if (namespaces && !allSame(namespaces)) {
    namespaced.forEach((target, index) => {
      if (namespaces[index].length > 0) target.namespaces = namespaces[index];
    });
    parsed.moreNamespaces = [];
  } else if (namespaces && namespaces[0].length > 0) {
    widenNamespaces(parsed, namespaces[0]);
  }
  const selectors = valuesByClause(parsed, parsed.targets, parsed.selectorMentions);
  if (selectors && !allSame(selectors)) {
    parsed.targets.forEach((target, index) => {
      target.labelSelectors = selectors[index];
    });
  }
}

/** One list of values per target, or undefined when fewer than two mentions leave nothing to bind. */
function valuesByClause(
  parsed: ParsedQuestion,
  targets: readonly Target[],
  mentions: readonly Mention[],
): string[][] | undefined {
  if (targets.length === 0 || mentions.length < 2) return undefined;
  const targetClauses = targets.map((target) => clauseOf(parsed, target.at));
  const kindClauses = [...new Set(targetClauses)].sort((a, b) => a - b);
  const isKindClause = new Set(kindClauses);
  const ordered = [...mentions]
    .sort((a, b) => a.at - b.at)
    .map((mention) => ({ clause: clauseOf(parsed, mention.at), values: mention.values }));
  // A kind's own clause first; the same clause saying it twice keeps the first, as the question-wide reading does.
  const byClause = new Map<number, string[]>();
  for (const mention of ordered) {
    if (isKindClause.has(mention.clause) && !byClause.has(mention.clause))
      byClause.set(mention.clause, [...mention.values]);
  }
  const scopedClauses = [...byClause.keys()].sort((a, b) => a - b);
  const borrowed = targets.map((): string[] => []);
  const leading: string[] = [];
  for (const { clause, values } of ordered) {
    if (isKindClause.has(clause)) continue;
    // "pods and services, both in shop": a clause with no kind scopes the kinds just before it that have none...
    const lastScoped = scopedClauses[countBelow(scopedClauses, clause) - 1] ?? -1;
    let bare = false;
    targetClauses.forEach((own, index) => {
      if (own <= lastScoped || own >= clause) return;
      addAll(borrowed[index], values);
      bare = true;
    });
    if (bare) continue;
    // ...otherwise it goes on with the clause before it ("pods in shop and in payments"), or leads them all.
    const previous = byClause.get(kindClauses[countBelow(kindClauses, clause) - 1]);
    addAll(previous ?? leading, values);
  }
  return targetClauses.map((own, index) => {
    const below = countBelow(scopedClauses, own);
    const later = scopedClauses[scopedClauses[below] === own ? below + 1 : below];
    const candidates = [
      byClause.get(own),
      borrowed[index],
      leading,
      byClause.get(later),
      byClause.get(scopedClauses[below - 1]),
    ];
    return [...(candidates.find((values) => values !== undefined && values.length > 0) ?? [])];
  });
}

/** How many entries of an ascending list are below `value` (a binary search: questions may be pasted logs). */
function countBelow(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The question-wide namespaces, with any a later clause added; never narrowed or reordered. */
function widenNamespaces(parsed: ParsedQuestion, values: readonly string[]): void {
  if (parsed.namespace === undefined || values.includes(EVERY_NAMESPACE)) return;
  const current = [parsed.namespace, ...parsed.moreNamespaces];
  if (!current.every((value) => values.includes(value))) return;
  parsed.moreNamespaces.push(...values.filter((value) => !current.includes(value)));
}

function addAll(list: string[], values: readonly string[]): void {
  for (const value of values) if (!list.includes(value)) list.push(value);
}

function allSame(lists: readonly string[][]): boolean {
  return lists.every((list) => JSON.stringify(list) === JSON.stringify(lists[0]));
}
