import type { ToolCall } from "../../answer.js";
import { namesInText } from "../../names/names-in-text.js";
import type { ClusterNames, Plan } from "../../ports.js";

// Words of state and trouble: a question that uses one is about how something is doing.
const HEALTH_WORD =
  /\b(?:fire|broken|break|broke|wrong|ok|okay|fine|health|healthy|unhealthy|up|down|status|state|issues?|problems?|fail\w*|crash\w*|errors?|pull\w*|exit|oom\w*|dying|dead|die|stuck|run|ran|running|working|alive|happening|going on|[45]\d\d|[45]\d\ds|slow\w*|latency|lag\w*|timeouts?|timing out|can'?t|cannot|unable|unreachable|hasn'?t|haven'?t|isn'?t|won'?t|outage|degraded|hang\w*|complain\w*|worse|better|red|on fire|pager|paged|alerts?|done|finished|complete[ds]?|succeed\w*|worked|urgent|important|need to know|heads[ -]?up|hand-?overs?|hand-?offs?|shifts?|on-?call|sanity)\b/i;
const CHINESE_HEALTH =
  /还好|正常|问题|挂了|故障|异常|报错|失败|崩|状态|健康|怎么样|咋样|打不开|很慢|变慢|好慢|超时|不行|没反应|进不去|访问不了|连不上|用不了|没跑完|没完成|卡顿|跑完|完成|成功|要紧|紧急|严重|接班|交接|值班|交班|注意|留意|(?<![\w-])[45]\d\d(?![\w-])/;

function asksAboutHealth(text: string): boolean {
  return HEALTH_WORD.test(text) || CHINESE_HEALTH.test(text);
}

/** Below the hybrid threshold: the offline planner only guessed that the question is about health. */
export const VAGUE_CONFIDENCE = 0.3;

/**
 * A question the grammar could not read ("anything on fire right now?", "whats up with batch", "did last night's
 * report run?") is, for an on-call assistant, a question about health: diagnose over what it mentions that the
 * cluster knows (a namespace, a node, an object, a shortened name), else over the whole scope. Never a bare "I
 * could not tell", which reads as nothing to see; the low confidence lets hybrid mode ask the LLM.
 */
export function diagnoseWhatIsMentioned(
  text: string,
  names: ClusterNames | undefined,
  plan: Plan,
  asked: boolean,
): Plan {
  const mentioned = names ? namesInText(names, text) : [];
  // "hello there", a poem: not a question about the cluster. A request the planner read ("list widgets") but could
  // not turn into calls is one when the cluster's names were at hand to check it against.
  const aboutCluster = asksAboutHealth(text) || mentioned.length > 0 || (asked && names !== undefined);
  if (!aboutCluster) return plan;
  const namespace = mentioned.find((match) => match.role === "namespace");
  const node = mentioned.find((match) => match.role === "node");
  const object = mentioned.find((match) => match.role === "object");
  const call: ToolCall = namespace
    ? { tool: "diagnose", args: { namespace: namespace.name } }
    : node
      ? { tool: "diagnose", args: { kind: "nodes", name: node.name } }
      : object
        ? { tool: "diagnose", args: { name: object.name } }
        : { tool: "diagnose", args: {} };
  const guessed = [namespace, node, object]
    .filter((match) => match?.shortened)
    .map((match) => match!.written);
  return {
    ...plan,
    calls: [call],
    confidence: VAGUE_CONFIDENCE,
    notes: [
      ...(plan.notes ?? []),
      "The offline planner did not read the question; it diagnosed what the question mentions.",
      ...guessed.map((written) => `Read "${written}" as a shortened name.`),
    ],
  };
}

const TROUBLE =
  /\b(?:dying|dies|died|dead|crash\w*|fail\w*|errors?|broken|broke|pending|restart\w*|flaky|flapping|intermittent\w*|stuck|oom\w*|down|not ready|what gives|unhealthy|0\/\d+|[45]\d\ds?|slow\w*|timeouts?|timing out|can'?t|cannot|unreachable|outage|never (?:becomes?|gets?|goes|went|got) ready|keeping up|keep up|alive)\b|时好时坏|挂(?!载)|报.{0,3}错|活着|活著|崩|失败|报错|异常|卡住|起不来|不正常|重启|打不开|很慢|变慢|超时|进不去|访问不了|连不上|用不了|(?<![\w-])[45]\d\d(?![\w-])/i;

// A read the planner is this unsure of is a guess at what was asked.
const DOUBTFUL_READ = 0.5;
const LIST_WORDS =
  /\b(?:list|show|get|kubectl|names?|which|how many|count|yaml|json)\b|列出|显示|哪些|多少|几个/i;

/**
 * "pls check 一下 checkout，用户说它时好时坏", "fraud-detector pending, how do I get it scheduled": a question the
 * grammar only half read that names one object and asks for no list is, for an on-call assistant, about that
 * object's health. Its diagnosis shows the object's state too, so a list of its pods is what the answer loses.
 */
export function diagnoseDoubtfulRead(text: string, plan: Plan): Plan {
  const [call] = plan.calls;
  if (plan.calls.length !== 1 || plan.confidence >= DOUBTFUL_READ || call.tool !== "get_resources")
    return plan;
  const { name, namespace, kind, ...rest } = call.args;
  if (typeof name !== "string" || Object.keys(rest).length > 0 || LIST_WORDS.test(text)) return plan;
  // Only a question that says something is wrong: a diagnosis that finds nothing about a half-read name would read
  // as an all-clear for what was really asked ("are the postgres backups running").
  if (!TROUBLE.test(text)) return plan;
  // A workload kind said out loud ("has deployment checkout finished rolling out") is a read of that object.
  if (kind !== "pods") return plan;
  return {
    ...plan,
    calls: [{ tool: "diagnose", args: { name, ...(namespace ? { namespace } : {}) } }],
    notes: [...(plan.notes ?? []), `Read as a question about how ${name} is doing.`],
  };
}
