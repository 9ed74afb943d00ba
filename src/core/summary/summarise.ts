import { asksForAdvice } from "../advice-question.js";
import type { AnswerPart, CallRecord, TablePart } from "../answer.js";
import { type CountQuestion, readCountQuestion } from "../count-question.js";
import { eventMessageIn } from "../event-messages.js";
import type { ExecutedCall } from "../ports.js";
import type { Language } from "../question.js";
import { restartCount } from "../tools/row-order.js";
import { windowText } from "../tools/since-seconds.js";
import { chineseErrorText } from "./chinese-errors.js";
import { describedLead } from "./described-lead.js";
import { rollbackAsked } from "./how-to-rollback.js";
import { chineseKindName, englishKindName } from "./kind-names.js";
import { quotedLineLead } from "./quoted-line-lead.js";
import { warningDigest } from "./warning-digest.js";

/**
 * One or two sentences per call, in the question's language, built from the tools' facts (no LLM). A count question
 * (count-question.ts) gets its number first, zero as zero, and the totals it asked for (per node, per namespace)
 * before the rest.
 */
export function summariseCalls(language: Language, executed: ExecutedCall[], question?: string): string {
  if (executed.length === 0) return "";
  const count = question === undefined ? undefined : readCountQuestion(question);
  // Several diagnoses ("why does payments-api say ledger ECONNREFUSED"): the problems lead, and a healthy object is
  // said as what was seen, never as an all-clear the other diagnosis contradicts.
  const found = (call: ExecutedCall) =>
    call.record.tool === "diagnose" && call.record.ok && (number(call.record.facts?.findings) ?? 0) > 0;
  const anyFound = executed.some(found);
  // "anything pending in data": no pending pods beside one pending claim is a zero, never an all-clear.
  const listedSomething = executed.some(
    (call) =>
      call.record.tool === "get_resources" && call.record.ok && (number(call.record.facts?.count) ?? 0) > 0,
  );
  const ordered = anyFound
    ? [...executed.filter(found), ...executed.filter((call) => !found(call))]
    : executed;
  const sentences = ordered.map((call) =>
    anyFound && call.record.tool === "diagnose" && call.record.ok && !found(call)
      ? alsoChecked(language, call.record)
      : sentenceFor(language, call, count, question, listedSomething),
  );
  const lead = question === undefined ? "" : quotedLineLead(language, executed, question);
  return [lead, ...sentences].filter((sentence) => sentence !== "").join(language === "zh" ? "" : " ");
}

function alsoChecked(language: Language, record: CallRecord): string {
  const facts = record.facts ?? {};
  const about = text(facts.about) ?? text(record.args.name) ?? "";
  const seen = names(facts.healthy);
  if (language === "zh") return `另检查了 ${about}${seen.length > 0 ? `：${seen.join("；")}` : ""}。`;
  return `Also checked ${about}${seen.length > 0 ? `: ${seen.join("; ")}` : ""}.`;
}

function sentenceFor(
  language: Language,
  { record, parts }: ExecutedCall,
  count?: CountQuestion,
  question?: string,
  listedSomething = false,
): string {
  if (!record.ok) {
    const message = record.error?.message ?? "";
    return language === "zh"
      ? `${record.tool} 未能完成：${chineseErrorText(record.error?.code, message)}`
      : `${record.tool} did not complete: ${message}`;
  }
  const facts = record.facts ?? {};
  const say = language === "zh" ? CHINESE : ENGLISH;
  // A diagnosis of a kind no analyzer checks answered with a list or a description: said as that.
  switch (text(facts.answeredBy) ?? record.tool) {
    case "get_resources": {
      // The policies that select a workload's pods say so themselves (get-resources' policiesSelecting).
      if (text(facts.selecting)) return text(language === "zh" ? facts.headline_zh : facts.headline) ?? "";
      const sentence = say.resources(
        kindOf(record),
        number(facts.count) ?? rowCount(parts),
        where(record, facts),
        {
          // With the state that makes each unhealthy ("kube-proxy (3/4)"), where the tool said it.
          notReady: names(facts.notReadyStates ?? facts.notReady),
          namespaces: number(facts.namespaces),
          selectors: selectorsOf(record),
          unhealthyOnly: facts.unhealthy === true,
          outOf: number(facts.listed),
          counting: count !== undefined || listedSomething,
        },
      );
      const byNamespace = counts(facts.byNamespace);
      const byNode = counts(facts.byNode);
      if (count?.groupBy === "node" && byNode.length > 0)
        return `${say.breakdown([], byNode).trim()}${say.gap}${sentence}${say.breakdown(byNamespace, [])}`;
      if (count?.groupBy === "namespace" && byNamespace.length > 1)
        return `${say.breakdown(byNamespace, []).trim()}${say.gap}${sentence}${say.breakdown([], byNode)}`;
      const restarts = count !== undefined && RESTARTED.test(question ?? "") ? podRestarts(parts) : undefined;
      // "how many pods have restarted at least once", "total restarts across all pods": those numbers lead.
      if (restarts !== undefined) return `${say.restarts(restarts)}${say.gap}${sentence}`;
      return sentence + say.breakdown(byNamespace, byNode) + oneRowAsked(record, parts, language);
    }
    case "diagnose": {
      const change = text(language === "zh" ? facts.change_zh : facts.change);
      const reasons = (facts.reasonsByObject ?? {}) as Record<string, string[]>;
      const found = say.diagnosis(
        number(facts.findings) ?? 0,
        number(facts.critical) ?? 0,
        askedFirst(names(facts.objects), reasons, question).map((object) =>
          reasons[object]?.length ? `${object} (${reasons[object].join(", ")})` : object,
        ),
        where(record, facts),
        names(facts.checked),
        {
          about: text(facts.about),
          healthy: names(facts.healthy),
          beside: names(facts.healthyBeside),
        },
      );
      // The change that lines up with the first failure is on-call's next question: it follows the count.
      const changed = change ? `${found}${language === "zh" ? `${change}。` : ` ${change}.`}` : found;
      const nextStep = text(facts.nextStep);
      // "what should I check next for X": the command to run leads the details (suggested, never run).
      if (nextStep && question !== undefined && asksForAdvice(question))
        return `${changed}${say.gap}${language === "zh" ? `建议下一步（K8Helper 不会执行）：${nextStep}` : `Suggested next step (not run by K8Helper): ${nextStep}`}`;
      return changed;
    }
    case "top":
      return say.top(kindOf(record), topEntries(facts.top), text(record.args.sort_by));
    case "get_pod_logs":
      return say.logs(
        text(facts.pod) ?? text(record.args.name) ?? "",
        number(facts.lines) ?? 0,
        text(facts.container),
      );
    case "get_events": {
      const counted = say.events(
        number(facts.count) ?? rowCount(parts),
        number(facts.warnings),
        where(record, facts),
        eventsAbout(facts),
        number(facts.since_seconds),
      );
      const digest = warningDigest(parts);
      return digest
        ? `${counted}${say.gap}${language === "zh" ? `警告：${digest}。` : `Warnings: ${digest}.`}`
        : counted;
    }
    default: {
      const headline = text(language === "zh" ? facts.headline_zh : facts.headline) ?? say.generic(record);
      const lead = record.tool === "describe_resource" ? describedLead(question, facts) : undefined;
      const said = lead ? `${lead}${language === "zh" ? "。" : ". "}${headline}` : headline;
      return said + rollbackAsked(language, record, question);
    }
  }
}

/** What a diagnosis that found nothing looked at: the object asked about and the states it saw. */
interface Seen {
  about?: string;
  healthy: string[];
  /** Beside a namespace's problems, its workloads that are up. */
  beside?: string[];
}

/** What a list's sentence says besides its kind, count and place. */
interface ListFacts {
  notReady: string[];
  namespaces?: number;
  selectors?: string;
  /** Only the unhealthy rows were kept (`unhealthy: true`), out of `outOf` listed. */
  unhealthyOnly: boolean;
  outOf?: number;
  /** The question asked for a number: zero is said as the number 0. */
  counting: boolean;
}

interface Phrases {
  /** Between sentences: a space in English, nothing in Chinese. */
  gap: string;
  resources(kind: string, count: number, where: Where, list: ListFacts): string;
  /** Totals per namespace and per node, after the count ("" when there is one or none). */
  breakdown(byNamespace: [string, number][], byNode: [string, number][]): string;
  restarts(restarts: PodRestarts): string;
  diagnosis(
    findings: number,
    critical: number,
    objects: string[],
    where: Where,
    checked: string[],
    seen?: Seen,
  ): string;
  top(kind: string, entries: TopEntry[], sortBy?: string): string;
  logs(pod: string, lines: number, container?: string): string;
  events(
    count: number,
    warnings: number | undefined,
    where: Where,
    about?: About,
    sinceSeconds?: number,
  ): string;
  generic(record: CallRecord): string;
}

interface Where {
  namespace?: string;
  all: boolean;
  /** How many namespaces an every-namespace read covered, when the tool counted them. */
  covered?: number;
}

interface About {
  kind?: string;
  name: string;
}

interface TopEntry {
  name: string;
  cpu?: string;
  memory?: string;
  cpuPercent?: string;
  memoryPercent?: string;
}

/** "942m CPU 23%, 7940Mi memory 104%": both of kubectl top's figures, the sorted one first. */
function usageOf(
  entry: TopEntry,
  sortBy: string | undefined,
  words: { cpu: string; memory: string },
): string {
  const cpu = [entry.cpu, words.cpu, entry.cpuPercent].filter(Boolean).join(" ");
  const memory = [entry.memory, words.memory, entry.memoryPercent].filter(Boolean).join(" ");
  return sortBy === "memory" ? `${memory}, ${cpu}` : `${cpu}, ${memory}`;
}

/** What an unhealthy row means where it is not "not ready" (table-health.ts: failed jobs, unbound claims). */
const ENGLISH_UNHEALTHY: Record<string, string> = {
  jobs: "failed",
  persistentvolumeclaims: "not bound",
  endpoints: "with no ready address",
};
const CHINESE_UNHEALTHY: Record<string, string> = {
  jobs: "失败",
  persistentvolumeclaims: "未绑定",
  endpoints: "没有就绪地址",
};
/**
 * What the other rows are, said beside the unhealthy ones ("4 nodes, 3 ready, 1 not ready"), for the kinds whose
 * health rule (table-health.ts) has one healthy state; a healthy pod is Running and ready, or Completed.
 */
const ENGLISH_HEALTHY: Record<string, string> = {
  pods: "running or completed",
  nodes: "ready",
  deployments: "ready",
  statefulsets: "ready",
  daemonsets: "ready",
  replicasets: "ready",
  persistentvolumeclaims: "bound",
  endpoints: "with ready addresses",
};
const CHINESE_HEALTHY: Record<string, string> = {
  pods: "运行中或已完成",
  nodes: "就绪",
  deployments: "就绪",
  statefulsets: "就绪",
  daemonsets: "就绪",
  replicasets: "就绪",
  persistentvolumeclaims: "已绑定",
  endpoints: "有就绪地址",
};

const CHINESE_CHECKED: Record<string, string> = {
  pods: "Pod",
  workloads: "工作负载",
  nodes: "节点",
  PVCs: "PVC",
  services: "服务",
  jobs: "任务",
  cronjobs: "定时任务",
  autoscalers: "自动扩缩容",
  "disruption budgets": "中断预算",
  ingresses: "Ingress",
};

const ENGLISH: Phrases = {
  gap: " ",
  resources(kind, count, where, { notReady, namespaces, selectors, unhealthyOnly, outOf, counting }) {
    const matching = selectors ? ` matching ${selectors}` : "";
    const unhealthy = ENGLISH_UNHEALTHY[kind] ?? "not ready";
    const place = where.namespace
      ? ` in ${where.namespace}`
      : where.all && namespaces && namespaces > 1
        ? ` in ${namespaces} namespaces`
        : "";
    const covered = !where.namespace && where.covered ? ` in ${where.covered} namespaces` : place;
    if (unhealthyOnly) {
      if (count > 0)
        return `${count} ${englishKindName(kind, count)}${matching} ${unhealthy}${covered}: ${listed(notReady, ", ")}.`;
      const of = outOf ? ` of ${outOf}` : "";
      return counting
        ? `0${of} ${englishKindName(kind, 2)}${matching} ${unhealthy}${covered}.`
        : `No ${englishKindName(kind, 2)}${matching} ${unhealthy}${covered}.`;
    }
    if (count === 0)
      return counting
        ? `0 ${englishKindName(kind, 2)}${matching}${covered}.`
        : `No ${englishKindName(kind, 2)}${matching} found${covered}.`;
    const head = `${count} ${englishKindName(kind, count)}${matching}${place}`;
    if (notReady.length === 0) return `${head}${kind === "pods" ? ", all ready" : ""}.`;
    const healthy =
      ENGLISH_HEALTHY[kind] && count > notReady.length
        ? `${count - notReady.length} ${ENGLISH_HEALTHY[kind]}, `
        : "";
    return `${head}, ${healthy}${notReady.length} ${unhealthy}: ${listed(notReady, ", ")}.`;
  },
  restarts({ pods, total, most }) {
    const mostly = most && pods > 1 ? ` (most: ${most.name}, ${most.restarts})` : "";
    return `${total} restart${total === 1 ? "" : "s"} in total; ${pods} pod${pods === 1 ? " has" : "s have"} restarted at least once${mostly}.`;
  },
  breakdown(byNamespace, byNode) {
    const namespaces = byNamespace.length > 1 ? ` Per namespace: ${totals(byNamespace, ", ")}.` : "";
    const nodes = byNode.length > 0 ? ` Per node: ${totals(byNode, ", ")}.` : "";
    return namespaces + nodes;
  },
  diagnosis(findings, critical, objects, where, checked, seen) {
    const place = where.namespace ? ` in ${where.namespace}` : where.all ? " across the cluster" : "";
    if (findings === 0) {
      const covered = !where.namespace && where.covered ? ` in ${where.covered} namespaces` : place;
      const about = seen?.about ? ` with ${seen.about}` : "";
      const healthy = seen?.healthy.length ? ` Seen: ${seen.healthy.join("; ")}.` : "";
      const coverage = checked.length > 0 ? ` (${checked.join(", ")} checked)` : "";
      return `No problems found${about}${covered}${coverage}.${healthy}`;
    }
    const severity = critical > 0 ? ` (${critical} critical)` : "";
    const state = seen?.about && seen.healthy.length ? ` State: ${seen.healthy.join("; ")}.` : "";
    const up = seen?.beside?.length ? ` Up: ${seen.beside.join("; ")}.` : "";
    return `Found ${findings} problem${findings === 1 ? "" : "s"}${place}${severity}: ${listed(objects, ", ")}.${state}${up}`;
  },
  top(kind, entries, sortBy) {
    if (entries.length === 0) return `No ${kind} metrics available.`;
    const by = sortBy === "memory" ? "memory" : "CPU";
    const shown = entries
      .slice(0, 3)
      .map((e) => `${e.name} (${usageOf(e, sortBy, { cpu: "CPU", memory: "memory" })})`);
    return `Top ${kind} by ${by}: ${shown.join(", ")}.`;
  },
  logs(pod, lines, container) {
    return `${lines} log line${lines === 1 ? "" : "s"} from ${pod}${container ? ` (container ${container})` : ""}.`;
  },
  events(count, warnings, where, about, sinceSeconds) {
    const place = `${where.namespace ? ` in ${where.namespace}` : ""}${sinceSeconds ? ` in the last ${windowText(sinceSeconds).en}` : ""}`;
    const object = about
      ? ` about ${about.kind ? `${englishKindName(about.kind, 1)} ` : ""}${about.name}`
      : "";
    if (count === 0) return `No events${object}${place}.`;
    return `${count} event${count === 1 ? "" : "s"}${object}${place}${warnings ? `, ${warnings} warning${warnings === 1 ? "" : "s"}` : ""}.`;
  },
  generic(record) {
    const name = text(record.args.name);
    return name ? `${record.tool.replace(/_/g, " ")}: ${name}.` : `${record.tool.replace(/_/g, " ")} done.`;
  },
};

const CHINESE: Phrases = {
  gap: "",
  resources(kind, count, where, { notReady, namespaces, selectors, unhealthyOnly, outOf, counting }) {
    const name = `${selectors ? `符合 ${selectors} 的` : ""}${chineseKindName(kind)}`;
    const place = where.namespace ? `${where.namespace} 中` : "";
    const unhealthy = CHINESE_UNHEALTHY[kind] ?? "未就绪";
    const covered = !where.namespace && where.covered ? `在 ${where.covered} 个命名空间中` : place;
    if (unhealthyOnly) {
      if (count > 0) return `${covered}共 ${count} 个${unhealthy}的${name}：${listed(notReady, "、")}。`;
      const of = outOf ? `（共检查 ${outOf} 个）` : "";
      return counting
        ? `${covered}${unhealthy}的${name}为 0 个${of}。`
        : `${covered}没有${unhealthy}的${name}。`;
    }
    if (count === 0) return counting ? `${covered}${name}为 0 个。` : `${covered}没有找到${name}。`;
    const spread =
      !where.namespace && where.all && namespaces && namespaces > 1
        ? `，分布在 ${namespaces} 个命名空间`
        : "";
    const head = `${place}共 ${count} 个${name}${spread}`;
    if (notReady.length === 0) return `${head}${kind === "pods" ? "，全部就绪" : ""}。`;
    const healthy =
      CHINESE_HEALTHY[kind] && count > notReady.length
        ? `${count - notReady.length} 个${CHINESE_HEALTHY[kind]}、`
        : "";
    return `${head}，其中 ${healthy}${notReady.length} 个${unhealthy}：${listed(notReady, "、")}。`;
  },
  restarts({ pods, total, most }) {
    const mostly = most && pods > 1 ? `（最多：${most.name}，${most.restarts} 次）` : "";
    return `共重启 ${total} 次；${pods} 个 Pod 至少重启过一次${mostly}。`;
  },
  breakdown(byNamespace, byNode) {
    const namespaces = byNamespace.length > 1 ? `按命名空间：${totals(byNamespace, "、")}。` : "";
    const nodes = byNode.length > 0 ? `按节点：${totals(byNode, "、")}。` : "";
    return namespaces + nodes;
  },
  diagnosis(findings, critical, objects, where, checked, seen) {
    const place = where.namespace ? `${where.namespace} 中` : where.all ? "集群中" : "";
    if (findings === 0) {
      const covered = !where.namespace && where.covered ? `在 ${where.covered} 个命名空间中` : place;
      const words = checked.map((word) => CHINESE_CHECKED[word] ?? word);
      const about = seen?.about ? `${seen.about}：` : "";
      const healthy = seen?.healthy.length ? `当前状态：${seen.healthy.join("；")}。` : "";
      const coverage = words.length > 0 ? `（已检查${words.join("、")}）` : "";
      return `${about}${covered}没有发现问题${coverage}。${healthy}`;
    }
    const severity = critical > 0 ? `（${critical} 个严重）` : "";
    const state = seen?.about && seen.healthy.length ? `当前状态：${seen.healthy.join("；")}。` : "";
    const up = seen?.beside?.length ? `正常运行：${seen.beside.join("；")}。` : "";
    return `${place}发现 ${findings} 个问题${severity}：${listed(objects, "、")}。${state}${up}`;
  },
  top(kind, entries, sortBy) {
    const name = chineseKindName(kind);
    if (entries.length === 0) return `暂无${name}的资源使用数据。`;
    const by = sortBy === "memory" ? "内存" : "CPU";
    const shown = entries
      .slice(0, 3)
      .map((e) => `${e.name}（${usageOf(e, sortBy, { cpu: "CPU", memory: "内存" })}）`);
    return `${by}使用最高的${name}：${shown.join("、")}。`;
  },
  logs(pod, lines, container) {
    return `${pod}${container ? `（容器 ${container}）` : ""} 的日志共 ${lines} 行。`;
  },
  events(count, warnings, where, about, sinceSeconds) {
    const place = `${where.namespace ? `${where.namespace} 中` : ""}${sinceSeconds ? `最近${windowText(sinceSeconds).zh}` : ""}`;
    const object = about ? `${about.kind ? `${chineseKindName(about.kind)} ` : ""}${about.name} ` : "";
    if (count === 0) return `${place}${object}没有事件。`;
    return `${place}${object}共 ${count} 条事件${warnings ? `，其中 ${warnings} 条警告` : ""}。`;
  },
  generic(record) {
    const name = text(record.args.name);
    return name ? `${record.tool}：${name}。` : `${record.tool} 已完成。`;
  },
};

const RESTARTED = /\brestart(?:ed|s)?\b|重启/;

/** A pod table's restarts (kubectl's RESTARTS column: "7 (50m ago)"): how many pods restarted, how often in all. */
interface PodRestarts {
  pods: number;
  total: number;
  most?: { name: string; restarts: number };
}

function podRestarts(parts: AnswerPart[]): PodRestarts | undefined {
  const table = parts.find((part): part is TablePart => part.type === "table");
  const column = table?.columns.indexOf("RESTARTS") ?? -1;
  const nameColumn = table?.columns.indexOf("NAME") ?? -1;
  if (!table || column < 0) return undefined;
  const counted = table.rows.map((row) => ({
    name: String(row[nameColumn] ?? ""),
    restarts: restartCount(row[column]),
  }));
  const restarted = counted.filter((row) => row.restarts > 0);
  const most = restarted.reduce<PodRestarts["most"]>(
    (best, row) => (!best || row.restarts > best.restarts ? row : best),
    undefined,
  );
  return { pods: restarted.length, total: restarted.reduce((sum, row) => sum + row.restarts, 0), most };
}

/**
 * "is picker maxed out on its hpa", "the checkout PDB": one object asked for by name is said with its columns
 * ("picker: REFERENCE Deployment/picker, TARGETS cpu: 96%/70%, MINPODS 2, MAXPODS 4, REPLICAS 4"), not only counted.
 */
function oneRowAsked(record: CallRecord, parts: AnswerPart[], language: Language): string {
  const table = parts.find((part): part is TablePart => part.type === "table");
  if (!table) return "";
  const few = !ROWS_COUNTED.has(kindOf(record)) && table.rows.length <= FEW_ROWS;
  if (!few && (!record.args.name || table.rows.length !== 1)) return "";
  return table.rows
    .map((row) => {
      const cells = table.columns
        .map((column, index) => [column, row[index]] as const)
        .filter(
          ([column, cell]) => column !== "NAME" && column !== "NAMESPACE" && cell !== null && cell !== "",
        );
      const name = row[table.nameColumn ?? 0];
      const shown = cells.map(([column, cell]) => `${column} ${cell}`).join(", ");
      return language === "zh" ? `${name}：${shown}。` : ` ${name}: ${shown}.`;
    })
    .join("");
}

// A few rows are the answer ("list the HPAs and their CPU", "widgets in shop"): each is said, not only counted;
// except for the kinds whose rows are long or whose count, breakdown and unhealthy names say it already.
const ROWS_COUNTED = new Set([
  "pods",
  "nodes",
  "events",
  "namespaces",
  "deployments",
  "statefulsets",
  "daemonsets",
]);
const FEW_ROWS = 3;

function kindOf(record: CallRecord): string {
  return text(record.facts?.kind) ?? text(record.args.kind) ?? "objects";
}

/** The label and field selectors a list was filtered by ("app=web, status.phase=Pending"), if any. */
function selectorsOf(record: CallRecord): string | undefined {
  const selectors = [text(record.args.label_selector), text(record.args.field_selector)].filter(Boolean);
  return selectors.length > 0 ? selectors.join(", ") : undefined;
}

/** The one object get_events was asked about, if any. */
function eventsAbout(facts: Record<string, unknown>): About | undefined {
  const name = text(facts.name);
  return name ? { kind: text(facts.kind), name } : undefined;
}

function where(record: CallRecord, facts: Record<string, unknown>): Where {
  return {
    namespace: text(facts.namespace) ?? text(record.args.namespace),
    all: record.args.all_namespaces === true || facts.acrossNamespaces === true,
    covered: number(facts.coveredNamespaces),
  };
}

function rowCount(parts: AnswerPart[]): number {
  return parts.reduce((sum, part) => sum + (part.type === "table" ? part.rows.length : 0), 0);
}

function topEntries(value: unknown): TopEntry[] {
  if (!Array.isArray(value)) return [];
  return value.filter((entry): entry is TopEntry => typeof entry?.name === "string");
}

function listed(items: string[], separator: string, max = 5): string {
  const shown = items.slice(0, max).join(separator);
  return items.length > max ? `${shown}${separator}+${items.length - max}` : shown;
}

/** "shop 9, payments 5" (every entry: a total per namespace or node is the answer, not a sample). */
function totals(entries: [string, number][], separator: string): string {
  return entries.map(([name, count]) => `${name} ${count}`).join(separator);
}

function counts(value: unknown): [string, number][] {
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).filter((entry): entry is [string, number] => typeof entry[1] === "number");
}

function names(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

function number(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

/**
 * "0/4 nodes are available: 3 Insufficient cpu — what does this mean": the objects whose findings the pasted message
 * shows as lead the list (the rest keep their order), so the pod it is about is not hidden behind "+5".
 */
function askedFirst(
  objects: readonly string[],
  reasons: Record<string, string[]>,
  question: string | undefined,
): string[] {
  const message = question === undefined ? undefined : eventMessageIn(question);
  if (!message) return [...objects];
  const shows = (object: string) => reasons[object]?.some((reason) => message.findings.includes(reason));
  return [...objects.filter(shows), ...objects.filter((object) => !shows(object))];
}
