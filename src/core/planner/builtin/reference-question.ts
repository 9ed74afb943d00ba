import type { ToolCall } from "../../answer.js";
import type { ClusterNames } from "../../ports.js";
import { isKnownObject } from "./slot-names.js";

/**
 * "which pods reference postgres-credentials", "who uses the grafana-admin secret", 哪些 pod 挂载了 app-config: the
 * objects that name a Secret or ConfigMap, found from their pod specs (get_resources with the referenced name:
 * get-resources.ts answers with the referencing objects when no object of the kind bears it). A Secret is never read.
 */
const REFERENCE_VERB =
  /\b(referenc(?:e|es|ed|ing)|refers? to|uses?|using|used by|mounts?|mounting|mounted|consumes?|consuming|depends? on|reads? from|pulls? from)\b|引用|使用|挂载|用了|用到|依赖/;
const REFERENCED_NOUN = /^(secrets?|configmaps?|cm|credentials?|creds)$|^(密钥|凭据|配置映射|配置)$/;
const DEMONSTRATIVE = /^(?:这个|那个|這個|那個|该|the|this|that)$/;
const NAME = /[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?/g;

const WORKLOAD_KINDS = ["deployments", "statefulsets", "daemonsets", "cronjobs", "jobs"];

const REFERRER_KINDS: [RegExp, string][] = [
  [/\bpods?\b|\bpo\b|容器组/, "pods"],
  [/\bdeployments?\b|\bdeploys?\b|部署/, "deployments"],
  [/\bstatefulsets?\b|\bsts\b|有状态/, "statefulsets"],
  [/\bdaemonsets?\b|\bds\b|守护进程/, "daemonsets"],
  [/\bcron ?jobs?\b|\bcj\b|定时任务/, "cronjobs"],
  [/\bjobs?\b|任务/, "jobs"],
];

// "LEDGER_SIGNING_KEY 是从哪个 secret 来的", "where does DB_PASSWORD come from": a variable's source.
const VARIABLE = /(?<![\w-])[a-z][a-z0-9]*_[a-z0-9_]+(?![\w-])/i;
const SOURCE_ASK =
  /\bwhere\b.*\bfrom\b|\bcomes? from\b|\b(?:which|what) (?:secret|configmap|config map)\b|从哪|来自|哪个\s*(?:secret|configmap|密钥)|来源/i;

/**
 * "which pods mount the shop-tls secret or reference payments-api-secrets": one call for each referenced name the
 * parts of the question give, the verb carried over to a part that has none; else the one call of the whole.
 */
export function referenceCalls(text: string, names: ClusterNames | undefined): ToolCall[] | undefined {
  const parts = text.split(/\s+(?:or|and|plus|as well as)\s+|\s*(?:和|或者|或|以及|还有|、)\s*/i);
  const verb = REFERENCE_VERB.exec(text.toLowerCase());
  const lead = verb ? text.slice(0, verb.index + verb[0].length) : "";
  const calls = parts.flatMap((part, index) => {
    const spoken = index > 0 && !REFERENCE_VERB.test(part.toLowerCase()) ? `${lead} ${part}` : part;
    const call = referenceCall(spoken, names);
    return call ? [call] : [];
  });
  const distinct = new Set(calls.map((call) => call.args.name));
  if (parts.length > 1 && distinct.size === parts.length) return calls;
  const whole = referenceCall(text, names);
  return whole ? [whole] : undefined;
}

/** The one call that answers a question about what references a Secret or ConfigMap, else undefined. */
export function referenceCall(text: string, names: ClusterNames | undefined): ToolCall | undefined {
  const variable = VARIABLE.exec(text)?.[0];
  if (variable && SOURCE_ASK.test(text)) {
    // "where does payments-api get DB_PASSWORD from": the named workload's env says, for it alone.
    const workload = [...text.replace(variable, " ").toLowerCase().matchAll(NAME)]
      .map((match) => match[0])
      .find((word) => names?.objects.get(word)?.some((kind) => WORKLOAD_KINDS.includes(kind)));
    if (workload) {
      const kind = names?.objects.get(workload)?.find((entry) => WORKLOAD_KINDS.includes(entry));
      return { tool: "describe_resource", args: { kind, name: workload, fields: ["env"] } };
    }
    return { tool: "get_resources", args: { kind: "pods", name: variable } };
  }
  const lower = text.toLowerCase();
  if (!REFERENCE_VERB.test(lower)) return undefined;
  const referenced = referencedName(lower, names);
  if (!referenced) return undefined;
  const rest = lower.split(referenced).join(" ");
  const kind = REFERRER_KINDS.find(([pattern]) => pattern.test(rest))?.[1] ?? "pods";
  const namespace = [...rest.matchAll(NAME)]
    .map((match) => match[0])
    .find((word) => names?.namespaces.has(word) && word !== kind);
  return {
    tool: "get_resources",
    args: { kind, name: referenced, ...(namespace ? { namespace } : {}) },
  };
}

/**
 * The word that names what is referenced: beside a Secret or ConfigMap noun ("the X secret", "configmap X"), or a
 * dashed word after the verb that the cluster knows as nothing else (no namespace, node or workload bears it).
 */
function referencedName(lower: string, names: ClusterNames | undefined): string | undefined {
  // "payments-api-secrets 这个 secret": a demonstrative between the name and its noun joins them.
  const words = [...lower.matchAll(/[a-z0-9][a-z0-9.-]*[a-z0-9]|[\u4e00-\u9fff]+/g)]
    .map((match) => match[0])
    .filter((word) => !DEMONSTRATIVE.test(word));
  const nounAt = words.findIndex((word) => REFERENCED_NOUN.test(word));
  const besideNoun = [words[nounAt + 1], words[nounAt - 1]].filter(
    (word): word is string => word !== undefined && nounAt >= 0 && isReferenceable(word, names),
  );
  if (besideNoun.length > 0) return besideNoun[0];
  // Without a complete index any dashed name could be a pod's ("who is using the most cpu in kube-system").
  const verb = names?.complete ? REFERENCE_VERB.exec(lower) : null;
  if (!verb) return undefined;
  const after = lower.slice(verb.index + verb[0].length);
  return [...after.matchAll(NAME)]
    .map((match) => match[0])
    .find((word) => word.includes("-") && isReferenceable(word, names));
}

/** A name that can be a Secret's or ConfigMap's: not a namespace, node or workload the cluster knows, not a noun. */
function isReferenceable(word: string, names: ClusterNames | undefined): boolean {
  if (REFERENCED_NOUN.test(word) || !/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(word) || !/[-.]/.test(word))
    return false;
  if (!names) return true;
  if (names.namespaces.has(word) || names.nodes.has(word)) return false;
  const kinds = names.objects.get(word);
  if (!kinds && isKnownObject(names, word)) return false;
  return !kinds || kinds.every((kind) => kind === "configmaps");
}

// shop.example.com, api.acme.io: a host an Ingress serves (in-cluster service DNS names are not).
// The last label is a public suffix people type: field paths (status.phase) and API groups (deployments.apps) are not.
const HOST =
  /(?<![\w.@/-])((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|net|org|io|dev|app|co|cloud|ai|cn|uk|de|fr|jp|us|eu|me|info|biz|shop|store|tech|xyz))(?![\w./:@-])/;
// kubectl get widgets.example.com: a resource's plural.group after a verb of kubectl is a kind, not a host.
const AFTER_KUBECTL_VERB =
  /(?:\b(?:get|describe|explain|crds?|customresourcedefinitions?)|自定义资源定义|自定义资源|资源定义)\s*$/;
const IN_CLUSTER_DNS = /\.(?:svc|cluster\.local|local|internal)$/;
// A resource of a Kubernetes API group (storageclass.storage.k8s.io, a CRD's widgets.example.io is a host's shape
// too, but only these groups are never a host anyone serves).
const API_GROUP = /\.(?:k8s\.io|kubernetes\.io)$/;

/** "whats behind shop.example.com", "which secret has the tls cert for shop.example.com": the Ingress serving it. */
export function hostCall(text: string, names: ClusterNames | undefined): ToolCall | undefined {
  const lower = text.toLowerCase();
  const found = HOST.exec(lower);
  const host = found && !AFTER_KUBECTL_VERB.test(lower.slice(0, found.index)) ? found[1] : undefined;
  if (!host || IN_CLUSTER_DNS.test(host) || API_GROUP.test(host)) return undefined;
  if (names?.objects.has(host) || names?.nodes.has(host)) return undefined;
  if (/\.(?:ya?ml|json|txt|log|sql|sh|py|js|ts|conf|cfg|ini|tar|gz|zip)$/.test(host)) return undefined;
  return { tool: "describe_resource", args: { kind: "ingresses", name: host } };
}
