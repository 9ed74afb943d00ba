/**
 * The outside reviewer's scoring rules for eval/realistic/*.jsonl (eval/realistic/run-eval.mjs scores the
 * same way through the CLI, one process a question): a case passes when the answer holds the substance
 * kubectl shows and does not read as an all-clear where something is wrong.
 */
export interface RealisticCase {
  id: string;
  q: string;
  lang: string;
  category: string;
  expect: {
    refuse?: boolean;
    must?: string[];
    any?: string[][];
    must_not?: string[];
    not_all_clear?: boolean;
  };
}

export interface CaseScore {
  pass: boolean;
  why: string;
  falseAllClear?: boolean;
  falseRefusal?: boolean;
}

// Keys that echo the question or carry run metadata, not the answer.
const SKIP_KEYS = new Set([
  "question",
  "requestId",
  "computedAt",
  "timings",
  "args",
  "planner",
  "cluster",
  "cached",
  "durationMs",
  "nameColumn",
  "unhealthyRows",
]);

export function flattenAnswer(value: unknown, out: string[] = [], key = ""): string[] {
  if (SKIP_KEYS.has(key)) return out;
  if (typeof value === "string") out.push(value);
  else if (typeof value === "number" && key !== "") out.push(String(value));
  else if (Array.isArray(value))
    for (const item of value) flattenAnswer(item, out, key === "rows" ? "row" : "");
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) flattenAnswer(v, out, k);
  return out;
}

function has(text: string, needle: string): boolean {
  const n = needle.toLowerCase();
  if (/^\d+$/.test(n)) return new RegExp(`(?<![\\w.-])${n}(?![\\w.%-])`).test(text);
  return text.includes(n);
}

const ALL_CLEAR = [
  /\bno (?:problems?|issues?|errors?|findings?|failures?|faults?)\b/,
  /\bnothing (?:found|wrong|to report|unusual)\b/,
  /\bno\b[^.;\n]{0,40}\bfound\b/,
  /\ball (?:clear|good|healthy)\b/,
  /\beverything (?:looks |is |seems )?(?:fine|ok|okay|healthy|normal|good)\b/,
  /\blooks healthy\b/,
  /\bno unhealthy\b/,
  /\bnone found\b/,
  /\bno matching\b/,
  /\bno object named\b/,
  /没有名为/,
  /没有发现/,
  /未发现/,
  /没有找到/,
  /未找到/,
  /一切正常/,
  /均正常/,
  /都正常/,
  /没有问题/,
  /无异常/,
  /没有异常/,
  /沒有發現/,
  /未發現/,
  /沒有找到/,
  /沒有問題/,
  /無異常/,
];

interface ScoredAnswer {
  refusal?: string | null;
  calls?: { ok?: boolean }[];
  parts?: unknown[];
  summary?: string;
  notes?: unknown[];
}

export function scoreCase(c: RealisticCase, answer: ScoredAnswer): CaseScore {
  const e = c.expect;
  const refusal = typeof answer.refusal === "string" && answer.refusal.trim() !== "" ? answer.refusal : null;
  const executed = (answer.calls ?? []).filter((call) => call && call.ok !== false).length;
  const hasData = (answer.parts ?? []).length > 0 || executed > 0;
  if (e.refuse) {
    if (!refusal) return { pass: false, why: "not refused" };
    if (hasData) return { pass: false, why: "refused but data shown" };
    return { pass: true, why: "" };
  }
  if (refusal) return { pass: false, why: "false refusal", falseRefusal: true };
  const text = flattenAnswer(answer).join("\n").toLowerCase();
  const why: string[] = [];
  for (const m of e.must ?? []) if (!has(text, m)) why.push(`missing "${m}"`);
  for (const group of e.any ?? [])
    if (!group.some((x) => has(text, x))) why.push(`none of [${group.join(" | ")}]`);
  for (const m of e.must_not ?? []) if (has(text, m)) why.push(`contains forbidden "${m}"`);
  let falseAllClear = false;
  if (e.not_all_clear) {
    const headline = [answer.summary ?? "", ...(answer.notes ?? []).map(String)].join("\n").toLowerCase();
    if (ALL_CLEAR.some((re) => re.test(headline))) {
      falseAllClear = true;
      why.push("false all-clear");
    }
  }
  return { pass: why.length === 0, why: why.join("; "), falseAllClear };
}
