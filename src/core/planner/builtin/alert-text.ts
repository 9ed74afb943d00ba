import type { ClusterNames } from "../../ports.js";

/**
 * An alert pasted into a question ("[FIRING:1] KubePodCrashLooping namespace=edge pod=api-… — cause?",
 * "KubeDeploymentReplicasMismatch shop/checkout"): the alert's name says the kind of object, its labels or a
 * namespace/name after it say which one. The question is read about that object, its labels never as a label
 * selector, the alert's name never as an object's.
 */

// kube-prometheus alert names and the kind each is about.
const ALERT_KINDS: [RegExp, string][] = [
  [/^Kube(?:Pod|Container)/, "pod"],
  [/^KubeDeployment/, "deployment"],
  [/^KubeStatefulSet/, "statefulset"],
  [/^KubeDaemonSet/, "daemonset"],
  [/^KubeCronJob/, "cronjob"],
  [/^KubeJob/, "job"],
  [/^KubeHpa/, "hpa"],
  [/^KubePersistentVolume/, "pvc"],
  [/^(?:KubeNode|KubeletDown|Node)/, "node"],
  // The scrape job is named after what it scrapes (node-exporter, kube-state-metrics): no kind is said.
  [/^TargetDown$/, ""],
];
const ALERT_NAME = /(?<![\w-])(Kube[A-Z][A-Za-z]+|Node[A-Z][A-Za-z]+|KubeletDown|TargetDown)(?![\w-])/;
// Labels as Alertmanager and PagerDuty print them: key=value, key="value", key=a,b (one alert over several objects).
const LABEL = /\b([a-z_]+)=("?)([^\s",})]+(?:,(?![a-z_]+=)[^\s",})]+)*)\2/g;
// The labels that name the object, most specific first, as kube-state-metrics puts them.
const OBJECT_LABELS: [label: string, kind: string][] = [
  ["pod", "pod"],
  ["deployment", "deployment"],
  ["statefulset", "statefulset"],
  ["daemonset", "daemonset"],
  ["job_name", "job"],
  ["cronjob", "cronjob"],
  ["horizontalpodautoscaler", "hpa"],
  ["persistentvolumeclaim", "pvc"],
  // Hand-written rules often say claim=, pvc=, hpa= for what kube-state-metrics calls by the kind's full name.
  ["claim", "pvc"],
  ["pvc", "pvc"],
  ["hpa", "hpa"],
  ["node", "node"],
  ["job", ""],
];
// Where the alert came from and the alert's own wrapping: not words of the question.
const ALERT_WRAPPING =
  /\[(?:FIRING|RESOLVED)(?::\d+)?\]|\b(?:got|received|getting|seeing|saw) (?:this|these|an?(?: alert| page)?)(?: from)?\b|\bseverity=\S+|\b(?:alertmanager|pagerduty|opsgenie|prometheus)\s*(?:报警?|说|says|:)|\b(?:alert|alerting|fired|firing)\b|告警|报警/gi;
const NAMESPACED_NAME = /^\s*([a-z0-9][a-z0-9-]*)\/([a-z0-9][a-z0-9.-]*[a-z0-9])/;
// What an alert alone asks: why it fires.
const ASKS_WHY_ONLY =
  /^[\s,.;:!?，。；：！？—–()[\]{}-]*(?:(?:what'?s |what is )?(?:the )?(?:cause|reason)|why|details?|what'?s (?:going on|wrong|up)|help|what(?:'s| is) (?:this|that|it)|explain(?: it| this)?|look(?: at it)?|check(?: it)?|investigate|triage(?: it| this)?|is (?:it|this) real|real|what now|what (?:do|should) (?:i|we) do|怎么处理|要紧吗|严重吗|帮(?:忙)?看(?:下|一下|看)|看(?:下|一下|看)|原因|怎么回事|咋回事|啥情况)?[\s,.;:!?，。；：！？()[\]{}]*$/i;

// "which replica?", "which node is missing?": the member of a workload that is down, which its diagnosis names.
const WHICH_MEMBER =
  /\bwhich (?:replica|pod|one|node|instance|member)s?\b|哪[个個一]\s*(?:副本|pod|节点|節點|实例|容器组)/i;
// How long it fires and how many are ready: the alert's own figures, not words of the question.
const ALERT_FIGURES =
  /\b(?:firing )?for (?:the (?:last|past) )?\d+\s*(?:s|m|h|d|secs?|mins?|minutes?|hours?|days?)\b|\(?\b\d+\s*(?:\/|of)\s*\d+\b\)?(?:\s*(?:ready|available|up))?/gi;

const AFFECTED_PODS =
  /\bwhat(?:'s| is| are)? (?:affected|impacted)\b|\b(?:blast radius|impact)\b|影响|波及|\bwhat(?:'s| is)? (?:runs|running|is running|scheduled) (?:there|on it)\b|\bpods?\b.*\b(?:affected|impacted|on it)\b|\b(?:affected|impacted)\b.*\bpods?\b|哪些\s*(?:pod|容器组)/i;

/** The object written right after the alert's name: namespace/name, or a bare name the cluster knows. */
interface Written {
  text: string;
  namespace?: string;
  name: string;
}

function writtenAfter(following: string, names: ClusterNames | undefined): Written | undefined {
  const slashed = NAMESPACED_NAME.exec(following);
  if (slashed) return { text: slashed[0].trim(), namespace: slashed[1], name: slashed[2] };
  const bare = /^\s+([a-z0-9][a-z0-9.-]*[a-z0-9])(?![\w/-])/.exec(following);
  if (!bare || !names || !(names.nodes.has(bare[1]) || names.objects.has(bare[1]))) return undefined;
  return { text: bare[1], name: bare[1] };
}

function namespaceIn(text: string, names: ClusterNames | undefined): string | undefined {
  return [...text.toLowerCase().matchAll(/[a-z0-9][a-z0-9-]*[a-z0-9]/g)]
    .map((match) => match[0])
    .find((word) => names?.namespaces.has(word));
}

// "收到告警：节点 demo-worker-3 NotReady", "告警说 …": an alert's wrapping, not a question about warning events.
const CHINESE_ALERT_LEAD =
  /(?:收到|来了|又来了?|有)?(?:一[个條条])?(?:告警|报警|警报)(?:说|說|[：:]|了[：:]?)\s*/g;

export function withAlertRead(text: string, names?: ClusterNames): string {
  const alert = ALERT_NAME.exec(text);
  if (!alert) return text.replace(CHINESE_ALERT_LEAD, " ").trim() || text;
  const labels = new Map([...text.matchAll(LABEL)].map((match) => [match[1], match[3]] as const));
  const following = text.slice(alert.index + alert[0].length);
  const after = writtenAfter(following, names);
  const labelled = OBJECT_LABELS.find(([label]) => labels.has(label));
  const kind = labelled?.[1] ?? ALERT_KINDS.find(([pattern]) => pattern.test(alert[1]))?.[1];
  const [name, ...others] = (labelled
    ? labels.get(labelled[0])
    : (after?.name ?? labels.get("container"))
  )?.split(",") ?? [undefined];
  const namespace =
    kind === "node" ? undefined : (labels.get("namespace") ?? after?.namespace ?? namespaceIn(text, names));
  if (kind === undefined) return text;
  // "KubeContainerOOMKilled firing for payments": no object, only where: that namespace's problems.
  const object = name
    ? `${[name, ...others].map((each) => `${kind ? `${kind} ` : ""}${each}`).join(" and ")}${namespace ? ` in namespace ${namespace}` : ""}`
    : namespace
      ? `namespace ${namespace}`
      : undefined;
  if (!object) return text;
  const rest = text
    .replace(alert[0], " ")
    .replace(after && !labelled ? after.text : "\u0000", " ")
    .replace(LABEL, " ")
    .replace(ALERT_WRAPPING, " ")
    .replace(ALERT_FIGURES, " ")
    .replace(/\s+/g, " ")
    .trim();
  const member = kind !== "node" && kind !== "pod" && WHICH_MEMBER.test(rest);
  if (ASKS_WHY_ONLY.test(rest) || member || !name)
    return `why ${others.length > 0 ? "are" : "is"} ${object} failing ${name ? "" : rest}`.trim();
  // "KubeNodeNotReady demo-worker-3 …影响了哪些 pod": what a node alert affects is the pods on it.
  if (kind === "node" && AFFECTED_PODS.test(rest)) return `pods on node ${name}`;
  // "what's on it and since when?": "it" is the alert's object.
  const pointed = rest.replace(/\b(?:it|this|that)\b/i, object);
  return pointed !== rest ? pointed : `${rest} (${object})`;
}
