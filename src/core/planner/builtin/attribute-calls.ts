import type { ToolCall } from "../../answer.js";
import type { ClusterNames } from "../../ports.js";
import { workloadBases } from "../../tools/workload-pods.js";
import { asksForDescribedLine, type DescribedLineAsk } from "./described-facts.js";
import { askedFields } from "./question-asks.js";
import type { ParsedQuestion } from "./reading.js";

const WORKLOADS = ["deployments", "statefulsets", "daemonsets", "cronjobs", "jobs"];
// A name the grammar could not place ("taints on demo-worker-3", "env var names on checkout") is still the subject.
const NAME_WORD = /[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9]|[A-Za-z0-9]/g;
/** "grafana version", "which version of postgres": a version is the image tag, once an object is named. */
const VERSION = /\bversions?\b|版本/;
// An external or load-balancer address is the Service's (type LoadBalancer), not a pod's.
const SERVICE_SIDE =
  /\bcluster[ -]?ips?\b|\bnode ?ports?\b|\bservice\b|服务|\bexternal[ -]?ips?\b|\bload[ -]?balancer\b|\blb\b|负载均衡|外部 ?ip|外网 ?ip|公网 ?ip/i;
const CONTAINER_SIDE = /\bcontainers?\b|容器/;
const POD_SAID = /\bpods?\b|容器组/;
const RESOURCES = /\bresources\b|资源/;
// Fields only a pod template has: a Service that shares the workload's name has none of them.
const TEMPLATE_FIELDS = new Set(["image", "resources", "env", "probes", "volumes"]);
const NOT_ONE_OBJECT = /\bwhy\b|为什么|为啥|\bhow many\b|多少个|几个/;
const ONE_OBJECT_TOOLS = new Set(["cluster_overview", "get_resources", "describe_resource", "top"]);

/**
 * One attribute of one object (TOOLS.md: `describe_resource` with `fields`), for questions the grammar read as
 * something else or as nothing: "taints on demo-worker-3", "kube-dns ports", "grafana version", "labels of namespace
 * shop". The subject is the name the cluster knows; its kind is the one that has that name, picked by the field.
 */
export function attributeCall(text: string, parsed: ParsedQuestion, calls: ToolCall[]): ToolCall | undefined {
  const names = parsed.known;
  if (!names || NOT_ONE_OBJECT.test(text) || calls.length > 1) return undefined;
  const [found] = calls;
  // "checkout is crashlooping - which node is the crashing pod on?": a direct ask for an attribute is what is
  // asked, whatever trouble words come before it.
  const call = found?.tool === "diagnose" && DIRECT_ASK.test(text) ? asListOf(found) : found;
  // "taints on demo-worker-3" read as pods on that node: only when the question did not say pods.
  const selected = call?.args.label_selector || (call?.args.field_selector && parsed.targets.length > 0);
  if (call && (!ONE_OBJECT_TOOLS.has(call.tool) || selected)) return undefined;
  const named = typeof call?.args.name === "string" ? (call.args.name as string) : undefined;
  const subject = named ? namedSubject(names, named) : subjectOf(names, text, call);
  if (!subject) return undefined;
  const rest = text.split(subject.name).join(" ");
  const fields = askedFields(rest);
  if (fields.length === 0 && VERSION.test(rest) && subject.role !== "namespace") fields.push("image");
  // "payments-api resources": an object's resources are its requests and limits.
  if (fields.length === 0 && RESOURCES.test(rest) && subject.role === "object") fields.push("resources");
  const line = fields.length === 0 && subject.role === "object" ? asksForDescribedLine(rest) : undefined;
  if (fields.length === 0 && !line) return undefined;
  // batch 里的 cronjob 调度时间: a kind said beside a namespace asks for that kind's rows there.
  const listed =
    subject.role === "namespace"
      ? parsed.targets.find((target) => target.kind !== "namespaces" && !target.name)
      : undefined;
  if (listed) return { tool: "get_resources", args: { kind: listed.kind, namespace: subject.name } };
  const kind = kindFor(names, subject, fields, rest, parsed, call, line);
  if (!kind) return undefined;
  const scope = kind === "namespaces" || kind === "nodes" ? {} : scopeOf(call?.args ?? {}, subject.name);
  // "which node is the control plane": a node is the answer itself, not on a node.
  const asked = kind === "nodes" ? fields.filter((field) => field !== "node") : fields;
  return {
    tool: "describe_resource",
    args: { kind, name: subject.name, ...scope, ...(asked.length > 0 ? { fields: asked } : {}) },
  };
}

const DIRECT_ASK =
  /\b(?:which|what) (?:node|nodes|ip|ips|image|images|port|ports|zone)\b|\bwhat(?:'s| is| are) (?:the |its |their )?(?:memory |cpu )?(?:limits?|requests?)\b|(?:limits?|requests?|限制|限额)\s*(?:是)?多少|分别是多少|在哪[个個]\s*(?:节点|節點|node)|哪[个個]\s*(?:节点|節點|node)\s*上|(?:在)?哪[台个個部](?:机器|機器|主机|主機|服务器|伺服器)|什么镜像|什麼鏡像/;

function asListOf(call: ToolCall): ToolCall {
  const { kind: _kind, ...args } = call.args;
  return { tool: "get_resources", args: { kind: "pods", ...args } };
}

interface Subject {
  name: string;
  role: "object" | "node" | "namespace";
}

function namedSubject(names: ClusterNames, name: string): Subject {
  if (names.nodes.has(name)) return { name, role: "node" };
  return { name, role: !isObject(names, name) && names.namespaces.has(name) ? "namespace" : "object" };
}

/** The first word the cluster knows as an object or node, else as a namespace (a namespace's own labels). */
function subjectOf(names: ClusterNames, text: string, call: ToolCall | undefined): Subject | undefined {
  const words = [...text.matchAll(NAME_WORD)].map((match) => match[0]);
  const scoped = typeof call?.args.namespace === "string" ? call.args.namespace : undefined;
  const known = (word: string) => names.nodes.has(word) || isObject(names, word);
  const found = words.find(known) ?? adjoinedName(names, words) ?? segmentName(names, words, call);
  if (found) return { name: found, role: names.nodes.has(found) ? "node" : "object" };
  const namespace = words.find((word) => names.namespaces.has(word)) ?? scoped;
  return namespace && names.namespaces.has(namespace) ? { name: namespace, role: "namespace" } : undefined;
}

/** "control plane taints", "worker-2": the one node or object whose name ends with the words joined by hyphens. */
function adjoinedName(names: ClusterNames, words: readonly string[]): string | undefined {
  const every = [...names.nodes, ...names.objects.keys()];
  for (let index = 0; index < words.length; index++) {
    const next = words[index + 1];
    // "the postgres backup": two words that, the other way round, are a name.
    const reversed = next ? `${next}-${words[index]}`.toLowerCase() : "";
    if (names.objects.has(reversed)) return reversed;
    for (const joined of [`${words[index]}-${next ?? ""}`, words[index]]) {
      if (!joined.includes("-") || joined.endsWith("-")) continue;
      const lower = joined.toLowerCase();
      const matches = every.filter((name) => name.endsWith(`-${lower}`));
      if (matches.length === 1) return matches[0];
    }
  }
  return undefined;
}

/** "the backup cronjob": the one object of the kind said whose name has the word as a segment (backup-postgres). */
function segmentName(
  names: ClusterNames,
  words: readonly string[],
  call: ToolCall | undefined,
): string | undefined {
  const kind = call?.tool === "get_resources" ? call.args.kind : undefined;
  if (typeof kind !== "string") return undefined;
  const ofKind = [...names.objects].filter(([, kinds]) => kinds.includes(kind)).map(([name]) => name);
  for (const word of words) {
    if (word.length < 4) continue;
    const matches = ofKind.filter((name) => name.split("-").includes(word.toLowerCase()));
    if (matches.length === 1) return matches[0];
  }
  return undefined;
}

function isObject(names: ClusterNames, word: string): boolean {
  return names.objects.has(word) || ownerName(names, word) !== undefined;
}

/** The known workload a pod's name was generated from (a Job's pod has one suffix, a Deployment's two). */
function ownerName(names: ClusterNames, pod: string): string | undefined {
  return workloadBases(pod).find((base) => names.objects.has(base));
}

/**
 * 结账服务的镜像, "memory limit of the ledger service": a service in everyday words is the application, and only
 * its workload has an image, limits, env or probes.
 */
export function serviceMeansWorkload(
  said: string,
  kinds: readonly string[],
  fields: readonly string[],
): boolean {
  return (
    said === "services" &&
    fields.some((field) => TEMPLATE_FIELDS.has(field)) &&
    kinds.some((kind) => WORKLOADS.includes(kind))
  );
}

function kindFor(
  names: ClusterNames,
  subject: Subject,
  fields: readonly string[],
  text: string,
  parsed: ParsedQuestion,
  call: ToolCall | undefined,
  line?: DescribedLineAsk,
): string | undefined {
  if (subject.role === "node") return "nodes";
  if (subject.role === "namespace") {
    // "annotations on the shop ingress": the kind said is the object's (describe finds the one the namespace holds).
    const said = saidKind(parsed, call);
    return said && said !== "nodes" ? said : "namespaces";
  }
  if (!names.objects.has(subject.name)) return "pods";
  const kinds = names.objects.get(subject.name) ?? [];
  const said = saidKind(parsed, call);
  // "which node is the ledger pod on", "postgres pod ip": the pod of a workload (found by its name's prefix).
  if (line?.data && kinds.includes("configmaps")) return "configmaps";
  const podSide =
    line?.podOnly === true || fields.includes("node") || (fields.includes("ip") && !SERVICE_SIDE.test(text));
  // "redis 的端口和镜像": ports beside an image, limits or env are the pod template's, which the workload describes.
  const templateSide = fields.some((field) => TEMPLATE_FIELDS.has(field));
  if (said === "pods" || podSide) {
    // "what ports does a frontend pod expose": the pod said out loud is the pod's, not its Service's.
    if ((podSide || POD_SAID.test(text)) && kinds.some((kind) => WORKLOADS.includes(kind))) return "pods";
  } else if (said && kinds.includes(said) && !serviceMeansWorkload(said, kinds, fields)) return said;
  if (fields.includes("schedule") && kinds.includes("cronjobs")) return "cronjobs";
  const serviceSide =
    (SERVICE_SIDE.test(text) && !serviceMeansWorkload("services", kinds, fields)) ||
    (fields.includes("ports") && !CONTAINER_SIDE.test(text) && !templateSide);
  if (serviceSide) {
    if (kinds.includes("services")) return "services";
  }
  return (
    WORKLOADS.find((kind) => kinds.includes(kind)) ?? kinds.find((kind) => kind !== "services") ?? kinds[0]
  );
}

/** The kind the question itself said ("the ledger pod", "checkout hpa"), not one the grammar assumed. */
function saidKind(parsed: ParsedQuestion, call: ToolCall | undefined): string | undefined {
  const target = parsed.targets[0];
  if (target) return target.kind;
  return call?.tool === "describe_resource" || call?.tool === "get_resources"
    ? (call.args.kind as string | undefined)
    : undefined;
}

function scopeOf(args: Record<string, unknown>, subject: string): Record<string, unknown> {
  if (args.all_namespaces === true) return { all_namespaces: true };
  return typeof args.namespace === "string" && args.namespace !== subject
    ? { namespace: args.namespace }
    : {};
}
