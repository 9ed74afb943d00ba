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
];
const ALERT_NAME = /(?<![\w-])(Kube[A-Z][A-Za-z]+|Node[A-Z][A-Za-z]+|KubeletDown|TargetDown)(?![\w-])/;
// Labels as Alertmanager and PagerDuty print them: key=value, key="value".
const LABEL = /\b([a-z_]+)=("?)([^\s",}]+)\2/g;
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
  ["node", "node"],
];
// Where the alert came from and the alert's own wrapping: not words of the question.
const ALERT_WRAPPING =
  /\[(?:FIRING|RESOLVED)(?::\d+)?\]|\b(?:alertmanager|pagerduty|opsgenie|prometheus)\s*(?:报警?|说|says|:)|\b(?:alert|alerting|fired|firing)\b|告警|报警/gi;
const NAMESPACED_NAME = /^\s*([a-z0-9][a-z0-9-]*)\/([a-z0-9][a-z0-9.-]*[a-z0-9])/;
// What an alert alone asks: why it fires.
const ASKS_WHY_ONLY =
  /^[\s,.;:!?，。；：！？—–-]*(?:(?:what'?s |what is )?(?:the )?(?:cause|reason)|why|details?|what'?s (?:going on|wrong|up)|help|look(?: at it)?|check(?: it)?|investigate|帮(?:忙)?看(?:下|一下|看)|看(?:下|一下|看)|原因|怎么回事|咋回事|啥情况)?[\s,.;:!?，。；：！？]*$/i;

export function withAlertRead(text: string): string {
  const alert = ALERT_NAME.exec(text);
  if (!alert) return text;
  const labels = new Map([...text.matchAll(LABEL)].map((match) => [match[1], match[3]] as const));
  const after = NAMESPACED_NAME.exec(text.slice(alert.index + alert[0].length));
  const labelled = OBJECT_LABELS.find(([label]) => labels.has(label));
  const kind = labelled?.[1] ?? ALERT_KINDS.find(([pattern]) => pattern.test(alert[1]))?.[1];
  const name = labelled ? labels.get(labelled[0]) : (after?.[2] ?? labels.get("container"));
  const namespace = kind === "node" ? undefined : (labels.get("namespace") ?? after?.[1]);
  if (!kind || !name) return text;
  const object = `${kind} ${name}${namespace ? ` in namespace ${namespace}` : ""}`;
  const rest = text
    .replace(alert[0], " ")
    .replace(after && !labelled ? after[0].trim() : "\u0000", " ")
    .replace(LABEL, " ")
    .replace(ALERT_WRAPPING, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (ASKS_WHY_ONLY.test(rest)) return `why is ${object} failing`;
  // "what's on it and since when?": "it" is the alert's object.
  const pointed = rest.replace(/\b(?:it|this|that)\b/i, object);
  return pointed !== rest ? pointed : `${rest} (${object})`;
}
