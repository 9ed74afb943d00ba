import type { ToolCall } from "../../answer.js";
import { namesInText } from "../../names/names-in-text.js";
import type { ClusterNames } from "../../ports.js";

/**
 * "pods can't resolve anything, is DNS broken?", "what upstream does coredns forward to", coredns 日志里有报错吗: the
 * cluster's DNS is a workload with a well-known name (CoreDNS, or kube-dns on older clusters), its Corefile a
 * ConfigMap of the same name. A question about name resolution that names no other object is about them.
 */
const DNS_TOPIC =
  /(?<![\w-])dns(?![\w-])|\bresolv(?:e|es|ed|ing|er)\b|\bresolution\b|\bnslookup\b|\bdig\b|\bnxdomain\b|\bservfail\b|域名解析|解析(?:不了|失败|超时|不到|慢)|(?:无法|不能|没法)解析/;
const CONFIG_ASK =
  /\bconfig(?:uration|ured)?\b|\bcorefile\b|\bforwards?\b|\bupstreams?\b|\bstub ?domains?\b|配置|转发|上游/;
// "is coredns crashing due to its config": trouble asks for a diagnosis, whatever else is named.
const TROUBLE =
  /\b(?:why|crash\w*|pending|fail\w*|errors?|broken|down|restart\w*|oom\w*|because|due)\b|为什么|为啥|崩溃|失败|报错|挂了|重启|导致|坏了|的锅/;
const LOGS_ASK = /\blogs?\b|\blogged\b|日志|日誌/;
// A kubectl command or an explicit kind says what to read already ("kubectl get svc kube-dns -n kube-system").
const EXPLICIT =
  /\bkubectl\b|^\s*k\s|\s-n\s|\bget (?:svc|service|pods?|po|deploy|ep|endpoints|cm|configmaps?)\b/;
const DNS_NAMES = ["coredns", "kube-dns"];
const DNS_NAMED = /(?<![\w-])(?:coredns|kube-dns)(?![\w-])/;

export function dnsQuestionCalls(text: string, names: ClusterNames | undefined): ToolCall[] | undefined {
  const lower = text.toLowerCase();
  if (!names?.complete || EXPLICIT.test(lower)) return undefined;
  const workload = DNS_NAMES.find((name) => names.objects.has(name));
  if (!workload) return undefined;
  const hasConfig = names.objects.get(workload)?.includes("configmaps");
  const corefile: ToolCall[] = [{ tool: "describe_resource", args: { kind: "configmaps", name: workload } }];
  // "what upstream does coredns forward to": its Corefile, also when the DNS is only named.
  const named = DNS_NAMED.test(lower);
  if (named && hasConfig && CONFIG_ASK.test(lower) && !LOGS_ASK.test(lower) && !TROUBLE.test(lower))
    return corefile;
  if (!DNS_TOPIC.test(lower)) return undefined;
  // The names inside a looked-up service's DNS name (ledger.payments.svc.cluster.local) are what was resolved.
  const asked = lower.replace(/\S+\.svc(?:\.cluster\.local)?\.?/g, " ");
  const others = namesInText(names, asked).filter(
    (match) => match.role !== "namespace" && !match.shortened && !DNS_NAMES.includes(match.name),
  );
  if (others.length > 0) return undefined;
  if (CONFIG_ASK.test(lower) && hasConfig) return corefile;
  if (LOGS_ASK.test(lower)) return [{ tool: "get_pod_logs", args: { name: workload } }];
  return [{ tool: "diagnose", args: { name: workload } }];
}
